// The tec language. No actions: the tree is turned into an immutable AST by
// org.tec.lang.AstBuilder, and every error goes through one listener.
// Newlines are not significant; every statement starts with a keyword, so a
// statement ends where the next keyword begins.
grammar Tec;

// ---------------------------------------------------------------- entry points
file        : item* EOF ;
// No rule may let an expression follow an item or another expression (as a REPL line of
// "(item | expr)*" did): '+' and '-' would then both continue a sum and begin a new
// expression, and SLL prediction, which ignores the calling rule, looks to the end of every
// chain for every operator, so a sum of n terms parses in n^2 (20 000 terms: minutes).
// ParsingLookaheadTest guards this.
// A live session (the REPL, an API session) takes statements, or one expression.
statements  : item* EOF ;
exprLine    : expr EOF ;

item
    : IMPORT STRING                                                # importItem
    | SCENARIO STRING LBRACE item* RBRACE                          # scenarioItem
    | COURSE STRING LBRACE item* RBRACE                            # courseItem
    | SESSION LBRACE item* RBRACE                                  # sessionItem
    | STEP expr                                                    # stepItem
    | SEED expr                                                    # seedItem
    | NOISE (ON | OFF | expr)                                      # noiseItem
    | METHOD name (TOLERANCE expr)?                                # methodItem
    | SESSIONS expr                                                # sessionsItem
    | INTERVAL expr                                                # intervalItem
    | UNTIL expr                                                   # untilItem
    | THERAPIST STRING? LBRACE setting* RBRACE                     # therapistItem
    | CLIENT STRING? LBRACE setting* RBRACE                        # clientItem
    | MODEL LBRACE setting* RBRACE                                 # modelItem
    | PARAM name ASSIGN expr                                       # paramItem
    | LET name ASSIGN expr                                         # letItem
    // what a study measured and its measurement error, for tec fit and tec simulate
    | OBSERVE name ASSIGN expr (NOISE observeNoise)?               # observeItem
    | FIT dotted (FROM expr TO expr)?                              # fitItem
    | GOAL STRING COLON expr tolerance? confidence?                # goalItem
    | EXPECT expr tolerance? confidence?                           # expectItem
    | POLICY name (ON | OFF)?                                      # policyItem
    | PHASE name name? STRING? FOR expr intensity? LBRACE item* RBRACE  # phaseItem
    | AT timePoint (AS name)? COLON actionBlock                    # atItem
    | WHEN expr ONCE? (AS name)? COLON actionBlock                 # whenItem
    // Revisions of what came before (an import, most often), each by name. Written out
    // rather than as 'REPLACE item', so 'replace replace ...' cannot nest without bound.
    | REPLACE PHASE name name? STRING? FOR expr intensity? LBRACE item* RBRACE  # replacePhaseItem
    | REPLACE AT timePoint AS name COLON actionBlock               # replaceAtItem
    | REPLACE WHEN expr ONCE? AS name COLON actionBlock            # replaceWhenItem
    | REPLACE GOAL STRING COLON expr tolerance?                    # replaceGoalItem
    | EXTEND PHASE name LBRACE item* RBRACE                        # extendItem
    | REMOVE (PHASE name | TRIGGER name | GOAL STRING)             # removeItem
    | EMIT name STRING (EVERY expr)? varList?                      # emitItem
    | PLOT SWEEP (TO STRING)?                                      # plotSweepItem
    | PLOT SENSITIVITY (TO STRING)?                                # plotSensitivityItem
    | PLOT varList (TO STRING)?                                    # plotItem
    | REPLICATE expr                                               # replicateItem
    | SWEEP dotted (FROM expr TO expr STEP expr | IN LBRACK exprList RBRACK)  # sweepItem
    | VARY dotted FROM expr TO expr                                # varyItem
    | DESIGN name expr                                             # designItem
    | SENSITIVITY name expr                                        # sensitivityItem
    | ARM STRING (LBRACE item* RBRACE | FROM STRING)               # armItem
    | action                                                       # actionItem
    ;

setting     : name expr ;

observeNoise
    : ESTIMATED                                                    # estimatedNoise
    | PROPORTIONAL expr                                            # proportionalNoise
    | expr                                                         # constantNoise
    ;

intensity
    : INTENSITY expr ARROW expr                                    # rampIntensity
    | INTENSITY LBRACK exprList RBRACK                             # stepIntensity
    | INTENSITY expr                                               # constantIntensity
    ;

timePoint
    : START                                                        # startPoint
    | END                                                          # endPoint
    | expr                                                         # timeAt
    ;

actionBlock : action | LBRACE action* RBRACE ;

action
    : REGULATE name? direction=(UP | DOWN)? (how=(TO | BY) expr)? (OVER expr)?   # regulateAction
    | RELEASE name? (OVER expr)?                                   # releaseAction
    | END (name | PHASE)                                           # endAction
    | LOG expr                                                     # logAction
    | SET dotted ASSIGN expr                                       # setAction
    | PRINT (STRING COLON)? expr                                   # printAction
    | IDENT                                                        # verbAction
    ;

tolerance   : WITHIN NUMBER PERCENT? ;

// 'with confidence 0.95': the check holds only if the estimate's whole interval at that level does
confidence  : WITH name expr ;

exprList    : expr (COMMA expr)* ;

// State variables to write or draw: always dotted, so a list cannot swallow the next statement.
varList     : varRef (COMMA varRef)* ;
varRef      : name DOT name ;

// ---------------------------------------------------------------- expressions
expr
    : expr AT when=atTime                                          # atExpr
    | op=(MINUS | PLUS) expr                                       # unaryExpr
    | expr op=(STAR | SLASH) expr                                  # mulExpr
    | expr op=(PLUS | MINUS) expr                                  # addExpr
    | expr op=(LT | LE | GT | GE | EQ | NE) expr                   # compareExpr
    | NOT expr                                                     # notExpr
    | expr AND expr                                                # andExpr
    | expr OR expr                                                 # orExpr
    | primary                                                      # primaryExpr
    ;

atTime
    : edge=(START | END) (OF name)?                                # edgeTime
    | primary                                                      # pointTime
    ;

primary
    : NUMBER unit?                                                 # numberLit
    | STRING                                                       # stringLit
    | (TRUE | FALSE)                                               # boolLit
    | name LPAREN TRIGGER name (DURING name)? RPAREN                # triggerCallExpr
    | name LPAREN (expr (DURING name)? (IN STRING)? (COMMA expr)*)? RPAREN       # callExpr
    | dotted                                                       # refExpr
    | LPAREN expr RPAREN                                           # parenExpr
    ;

dotted      : name (DOT name)* ;

unit        : SEC | MIN | HOUR | DAY | WEEK ;

// Words that are keywords in one place and plain names in another.
name
    : IDENT | CLIENT | THERAPIST | START | END | MIN | SESSION | SESSIONS
    | MODEL | STEP | SEED | NOISE | INTENSITY | INTERVAL | METHOD | TOLERANCE
    | SEC | HOUR | DAY | WEEK
    ;

// ---------------------------------------------------------------- lexer
IMPORT    : 'import' ;
SCENARIO  : 'scenario' ;
COURSE    : 'course' ;
SESSION   : 'session' ;
SESSIONS  : 'sessions' ;
INTERVAL  : 'interval' ;
UNTIL     : 'until' ;
STEP      : 'step' ;
SEED      : 'seed' ;
NOISE     : 'noise' ;
METHOD    : 'method' ;
TOLERANCE : 'tolerance' ;
THERAPIST : 'therapist' ;
CLIENT    : 'client' ;
MODEL     : 'model' ;
PARAM     : 'param' ;
LET       : 'let' ;
OBSERVE   : 'observe' ;
FIT       : 'fit' ;
ESTIMATED : 'estimated' ;
PROPORTIONAL : 'proportional' ;
GOAL      : 'goal' ;
EXPECT    : 'expect' ;
POLICY    : 'policy' ;
PHASE     : 'phase' ;
FOR       : 'for' ;
INTENSITY : 'intensity' ;
AT        : 'at' ;
WHEN      : 'when' ;
ONCE      : 'once' ;
EMIT      : 'emit' ;
PLOT      : 'plot' ;
REPLICATE : 'replicate' ;
SWEEP     : 'sweep' ;
ARM       : 'arm' ;
WITH      : 'with' ;
FROM      : 'from' ;
VARY      : 'vary' ;
DESIGN    : 'design' ;
SENSITIVITY : 'sensitivity' ;
IN        : 'in' ;
EVERY     : 'every' ;
TO        : 'to' ;
BY        : 'by' ;
OVER      : 'over' ;
UP        : 'up' ;
DOWN      : 'down' ;
REGULATE  : 'regulate' ;
RELEASE   : 'release' ;
LOG       : 'log' ;
SET       : 'set' ;
PRINT     : 'print' ;
START     : 'start' ;
END       : 'end' ;
OF        : 'of' ;
DURING    : 'during' ;
WITHIN    : 'within' ;
AND       : 'and' ;
OR        : 'or' ;
NOT       : 'not' ;
TRUE      : 'true' ;
FALSE     : 'false' ;
ON        : 'on' ;
OFF       : 'off' ;
AS        : 'as' ;
TRIGGER   : 'trigger' ;
REPLACE   : 'replace' ;
EXTEND    : 'extend' ;
REMOVE    : 'remove' ;

SEC       : 's' | 'sec' ;
MIN       : 'min' ;
HOUR      : 'h' ;
DAY       : 'day' | 'days' ;
WEEK      : 'week' | 'weeks' ;

ARROW     : '->' ;
LE        : '<=' ;
GE        : '>=' ;
EQ        : '==' ;
NE        : '!=' ;
LT        : '<' ;
GT        : '>' ;
ASSIGN    : '=' ;
PLUS      : '+' ;
MINUS     : '-' ;
STAR      : '*' ;
SLASH     : '/' ;
PERCENT   : '%' ;
LPAREN    : '(' ;
RPAREN    : ')' ;
LBRACE    : '{' ;
RBRACE    : '}' ;
LBRACK    : '[' ;
RBRACK    : ']' ;
COMMA     : ',' ;
COLON     : ':' ;
DOT       : '.' ;

NUMBER    : DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)?
          | '.' DIGITS ([eE] [+-]? DIGITS)?
          ;
STRING    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;
IDENT     : [a-zA-Z_] [a-zA-Z_0-9]* ;

COMMENT   : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS        : [ \t\r\n\f]+ -> channel(HIDDEN) ;

// Last: anything else is one bad character, so lexing never fails.
UNKNOWN   : . ;

fragment DIGITS : [0-9]+ ;
