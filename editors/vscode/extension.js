// The tec extension: starts `tec lsp` (the language server tec ships) over stdio and hands
// .tec documents to it. Everything else (diagnostics, completion, hover, outline,
// formatting) comes from the server; highlighting from syntaxes/tec.tmLanguage.json.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('tec').get('command') || 'tec';
  const server = { command, args: ['lsp'] };
  client = new LanguageClient('tec', 'tec', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'tec' }, { scheme: 'untitled', language: 'tec' }],
  });
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
