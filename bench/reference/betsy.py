#!/usr/bin/env python3
"""The effective Betsy ERP session (scenarios/erp/betsy-effective.tec), written by hand in
Python from the equations of tec's circuit model (src/main/java/org/tec/model/Circuit.java,
docs/MODEL.md), as a researcher would write it without tec: forward Euler, one loop per
phase, the trajectory in a NumPy array.

It is a benchmark peer and a cross-check of tec, not part of tec:

    python3 bench/reference/betsy.py --csv out.csv        # write the trajectory, tec's columns
    python3 bench/reference/betsy.py --check tec.csv      # compare with `tec run ... --csv tec.csv`
    python3 bench/reference/betsy.py --time               # simulated steps per second

Only the deterministic model, and only what this session uses (no noise, no MI, no courses).
"""
import argparse
import math
import sys
import time

import numpy as np

# ---------------------------------------------------------------- the people (the script)
S_TRAIT, M_TRAIT, EP_TRAIT, ED_TRAIT = 0.7, 0.6, 0.5, 0.8   # the effective therapist
TOLERANCE = 60.0        # SUDS
FATIGUE = 0.1
MU_T, MU_TP = 10.0, 30.0            # therapist baselines (model defaults)
SKILL = 0.7
C0, CP0 = 20.0, 30.0                # Betsy at arrival; her baselines are the same
MU_C, MU_CP = C0, CP0
FEAR0, SAFETY0 = 0.85, 0.1
ESCAPE_THRESHOLD = 85.0
COVERT_AVOIDANCE = 0.0
U0, D0, A0, K0 = 0.2, 0.1, 0.3, 0.3

# ---------------------------------------------------------------- model constants (defaults)
RHO0, CAP0 = 2.0, 0.5
KS, TAU_T, TAU_C, TAU_POS = 1.6, 4.0, 0.5, 1.5
BF, ETA, K_TC, BETA0 = 20.0, 0.0, 1.0, 0.5
LAMBDA_H, ALPHA, K_SIGNAL = 0.12, 0.08, 1.0
TAU_URGE, TAU_X, ENCOURAGE_RISE = 1.0, 2.0, 3.0
WC, WQ, LATENCY = 0.05, 0.1, 0.5
REASSURE_MARGIN, REASSURE_REFRACTORY, REASSURE_RELIEF, REASSURE_SAFETY = 0.12, 3.0, 10.0, 0.15
K_PROGRESS, K_EDU = 0.6, 0.01
ALPHA_A, K2 = 0.1, 0.05
K_NOTICE = 1.0

# columns of tec's trajectory CSV after t, session, phase
COLUMNS = ["client.distress", "client.positive", "client.fear", "client.habituation", "client.safety",
           "client.urge", "therapist.distress", "therapist.positive", "therapist.perceived_distress",
           "therapist.affect_sharing", "therapist.mentalizing", "therapist.proximal_concern",
           "therapist.distal_concern", "therapist.effort", "client.understood", "client.defensiveness",
           "client.alliance", "client.motivation", "client.contact", "exposure.intensity",
           "therapist.mi_consistent", "therapist.fatigue"]
PHASES = ["psychoeducation", "exposure", "celebrate"]


def clamp(v, lo, hi):
    return lo if v < lo else (hi if v > hi else v)


def simulate(dt=0.1):
    """The session at time step dt (minutes): an array with one row per step, tec's columns."""
    n_psy, n_exp, n_cel = round(10 / dt), round(15 / dt), round(5 / dt)
    out = np.empty((1 + n_psy + n_exp + n_cel, 3 + len(COLUMNS)))

    # state
    c, cp, v, h, w, urge = C0, CP0, FEAR0, 0.0, SAFETY0, 0.0
    t, tp = MU_T, MU_TP
    u, d, a, k, x = U0, D0, A0, K0, 1.0
    f = FATIGUE
    effort = 0.0
    trait = [S_TRAIT, M_TRAIT, EP_TRAIT, ED_TRAIT]
    comp = list(trait)                    # s, m, ep, ed: current levels
    ramp_from, ramp_to = list(trait), list(trait)
    ramp_start, ramp_len = [0.0] * 4, [0.0] * 4
    clock = 0.0
    intensity = 0.0
    since_reassure = math.inf
    pressure_time = 0.0
    notice_clock = 0.0
    exposure_done = False
    fear_at_start = v
    perceived = clamp(c + BETA0 * (1 - comp[1]) * (t - c), 0, 100)

    def regulate(i, requested, over):
        cap = CAP0 * (1 - f)
        ramp_from[i] = comp[i]
        ramp_to[i] = clamp(requested, max(0, trait[i] - cap), min(1, trait[i] + cap))
        ramp_start[i] = clock
        ramp_len[i] = max(0, over)

    row = 0

    def record(phase):
        out[row] = (row * dt, 1, phase, c, cp, v, h, w, urge, t, tp, perceived, comp[0], comp[1], comp[2], comp[3],
                    effort, u, d, a, k, x, intensity, 0.0, f)

    record(0)
    for phase, steps in ((0, n_psy), (1, n_exp), (2, n_cel)):
        exposure = phase == 1
        intensity = 0.9 if exposure else 0.0
        pressure_time = 0.0
        above = False
        if exposure:
            x = 1.0
            notice_clock = 0.0
        for j in range(steps):
            # the script's schedule
            if phase == 0:
                if j == 0:
                    regulate(1, max(comp[1], 0.8), 2)
                if j == round(6 / dt):
                    regulate(0, min(comp[0], 0.25), 2)
                if j == round(8 / dt):
                    regulate(3, max(comp[3], 0.9), 1)
            elif phase == 1:
                now = c > 80                       # when client.distress > 80: encourage
                if now and not above:
                    x = 1.0
                    c = clamp(c + ENCOURAGE_RISE, 0, 100)
                above = now
            elif j == 0:
                regulate(0, max(comp[0], 0.8), 1)

            # the equations (forward Euler)
            s, m, ep = comp[0], comp[1], comp[2]
            g = s * s * KS
            mu_t = MU_T + BF * f
            exposing = exposure and intensity > 0
            c_star, cp_star = MU_C, MU_CP
            du = dk = 0.0
            if exposing:
                c_star += (100 - MU_C) * v * intensity * x * (1 - h) * (1 - 0.5 * w)
            elif phase == 0:
                du = K_EDU * m * (1 - u)
                dk = K_EDU * m * (1 - k)
            elif phase == 2:
                rel = (fear_at_start - v) / fear_at_start
                progress = clamp((0.5 if exposure_done else 0) + max(0, rel), 0, 1)
                cp_star += (100 - MU_CP) * K_PROGRESS * progress
            da = ALPHA_A * (u * (1 - d) - a)
            dk += 0.0 - K2 * d * k
            dc = (c_star - c) / TAU_C + K_TC * max(0, t - mu_t)
            dt_ = (mu_t - t) / TAU_T + g * (c - t) + ETA * g * max(0, t - mu_t)
            dcp = (cp_star - cp) / TAU_POS
            dtp = (MU_TP - tp) / TAU_T + g * (cp - tp)
            dh = LAMBDA_H * intensity * x * (1 - h) if exposing else 0.0
            threat = clamp(1 - K_SIGNAL * max(0, t - mu_t) / 100, 0, 1)
            dv = -ALPHA * intensity * x * (c / 100) * (1 - w) * threat * v if exposing else 0.0
            durge = (clamp(c / ESCAPE_THRESHOLD, 0, 1) - urge) / TAU_URGE
            dx = ((1 - COVERT_AVOIDANCE * urge) - x) / TAU_X

            c = clamp(c + dt * dc, 0, 100)
            t = clamp(t + dt * dt_, 0, 100)
            cp = clamp(cp + dt * dcp, 0, 100)
            tp = clamp(tp + dt * dtp, 0, 100)
            h = clamp(h + dt * dh, 0, 1)
            v = clamp(v + dt * dv, 0, 1)
            urge = clamp(urge + dt * durge, 0, 1)
            x = clamp(x + dt * dx, 0, 1)
            u = clamp(u + dt * du, 0, 1)
            a = clamp(a + dt * da, 0, 1)
            k = clamp(k + dt * dk, 0, 1)

            # each component follows its (ramping) target at the regulation rate
            rho = SKILL * (1 - 0.5 * f) * RHO0
            e = 0.0
            for i in range(4):
                if ramp_len[i] <= 0:
                    target = ramp_to[i]
                else:
                    target = ramp_from[i] + clamp((clock - ramp_start[i]) / ramp_len[i], 0, 1) * (ramp_to[i] - ramp_from[i])
                comp[i] = clamp(comp[i] + dt * rho * (target - comp[i]), 0, 1)
                e += abs(comp[i] - trait[i]) * dt
            effort += e

            clock += dt
            since_reassure += dt
            perceived = clamp(c + BETA0 * (1 - comp[1]) * (t - c), 0, 100)
            if exposing and x < 0.9:               # mentalizing notices covert avoidance
                notice_clock += K_NOTICE * comp[1] * dt
                if notice_clock >= 1:
                    notice_clock, x = 0.0, 1.0
            elif exposing:
                notice_clock = 0.0

            # the therapist's automatic relief policy (deterministic)
            if exposing:
                g_relief = (t - TOLERANCE) / 100 + WC * (comp[2] - comp[3]) + (WQ if c > ESCAPE_THRESHOLD else 0)
                pressure_time = pressure_time + dt if g_relief > 0 else 0.0
                if g_relief > 0 and pressure_time >= LATENCY - 1e-9:
                    raise RuntimeError("the therapist ends the exposure: not this session")
                if g_relief > -REASSURE_MARGIN and since_reassure >= REASSURE_REFRACTORY:
                    c = clamp(c - REASSURE_RELIEF, 0, 100)
                    w = clamp(w + REASSURE_SAFETY * (1 - w), 0, 1)
                    since_reassure = 0.0
            row += 1
            record(phase)
        if exposure:
            exposure_done = True
            intensity = 0.0
    return out


def write_csv(path, traj):
    with open(path, "w") as fh:
        fh.write("t,session,phase," + ",".join(COLUMNS) + "\n")
        for r in traj:
            fh.write("%r,%d,%s,%s\n" % (r[0], r[1], PHASES[int(r[2])], ",".join(repr(float(x)) for x in r[3:])))


def check(path, traj, tol=1e-6):
    """Compares with tec's --csv (6 decimals): every value of every row within tol."""
    with open(path) as fh:
        header = fh.readline().strip().split(",")
        rows = [line.strip().split(",") for line in fh if line.strip()]
    if header[3:] != COLUMNS:
        return "columns differ: " + ",".join(header)
    if len(rows) != len(traj):
        return "tec has %d rows, the reference %d" % (len(rows), len(traj))
    worst, where = 0.0, None
    for i, r in enumerate(rows):
        if PHASES.index(r[2]) != traj[i, 2] or int(r[1]) != traj[i, 1]:
            return "row %d: phase or session differs" % i
        for j in [0] + list(range(3, len(r))):
            diff = abs(float(r[j]) - traj[i, j])
            if diff > worst:
                worst, where = diff, (i, header[j])
    if worst > tol:
        return "differs by %.3g at row %d, %s (tolerance %g)" % (worst, where[0], where[1], tol)
    print("agrees with %s: %d rows, %d columns, largest difference %.2g (tolerance %g)"
          % (path, len(rows), len(header), worst, tol))
    return None


def steps_per_second(dt, seconds=2.0):
    """Best of five timings, each repeating the session for about `seconds`."""
    steps = len(simulate(dt)) - 1
    best = 0.0
    for _ in range(5):
        n, start = 0, time.perf_counter()
        while True:
            simulate(dt)
            n += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds / 5:
                break
        best = max(best, n * steps / elapsed)
    return steps, best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dt", type=float, default=0.1, help="time step in minutes (the script's is 0.1)")
    ap.add_argument("--csv", help="write the trajectory as CSV")
    ap.add_argument("--check", metavar="TEC_CSV", help="compare with tec's --csv output; exit 1 if they differ")
    ap.add_argument("--time", action="store_true", help="print simulated steps per second")
    args = ap.parse_args()
    traj = simulate(args.dt)
    if args.csv:
        write_csv(args.csv, traj)
    if args.check:
        problem = check(args.check, traj)
        if problem:
            print("the reference and tec disagree: " + problem, file=sys.stderr)
            return 1
    if args.time:
        steps, rate = steps_per_second(args.dt)
        print("python reference: dt %g min, %d steps per run, %.0f steps/s (%.1f runs/s), Python %s, NumPy %s"
              % (args.dt, steps, rate, rate / steps, sys.version.split()[0], np.__version__))
    return 0


if __name__ == "__main__":
    sys.exit(main())
