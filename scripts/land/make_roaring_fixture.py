#!/usr/bin/env python3
"""Reference land/sea answers of roaring_landmask (OpenDrift's default global land mask) for the
GSHHG land mask tests of Sarex.

Writes Tests/SarexEnvironmentTests/Fixtures/land-roaring-western-norway.csv: 20,000 points in the
western Norway forcing area (lon 3-6 E, lat 59-61.5 N), each with roaring_landmask's answer.
A third of the points are uniform over the box; the rest lie near the coast: a coast crossing is
found by bisection between two nearby points with different answers, and the point is placed at a
random bearing and a log-uniform distance from it (10 % between 0.5 and 5 m, 90 % between 5 m and
3 km), so the test exercises the shoreline where differences would show.

Usage: python3 scripts/land/make_roaring_fixture.py [output.csv]
Needs: pip install roaring-landmask numpy   (roaring_landmask is MIT licensed)
"""

import math
import sys
from importlib.metadata import version

import numpy as np
from roaring_landmask import RoaringLandmask

SEED = 20151116
BOX = (3.0, 6.0, 59.0, 61.5)  # lon min, lon max, lat min, lat max (degrees)
N_UNIFORM = 6_667
N_COAST = 20_000 - N_UNIFORM
METRES_PER_DEGREE = 111_320.0


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else (
        "Tests/SarexEnvironmentTests/Fixtures/land-roaring-western-norway.csv")
    rng = np.random.default_rng(SEED)
    mask = RoaringLandmask.new()
    lon0, lon1, lat0, lat1 = BOX

    def land(x, y):
        return np.asarray(mask.contains_many(np.ascontiguousarray(x), np.ascontiguousarray(y)))

    ux = rng.uniform(lon0, lon1, N_UNIFORM)
    uy = rng.uniform(lat0, lat1, N_UNIFORM)

    # Coast crossings: pairs of nearby points with different answers, bisected to about 1 mm.
    cx, cy = [], []
    while sum(len(a) for a in cx) < N_COAST:
        ax = rng.uniform(lon0 + 0.03, lon1 - 0.03, 100_000)
        ay = rng.uniform(lat0 + 0.02, lat1 - 0.02, 100_000)
        bx = ax + rng.uniform(-0.02, 0.02, ax.size)
        by = ay + rng.uniform(-0.01, 0.01, ay.size)
        la, lb = land(ax, ay), land(bx, by)
        keep = la != lb
        ax, ay, bx, by, la = ax[keep], ay[keep], bx[keep], by[keep], la[keep]
        for _ in range(40):
            mx, my = (ax + bx) / 2, (ay + by) / 2
            lm = land(mx, my)
            same = lm == la
            ax, ay = np.where(same, mx, ax), np.where(same, my, ay)
            bx, by = np.where(same, bx, mx), np.where(same, by, my)
        cx.append((ax + bx) / 2)
        cy.append((ay + by) / 2)
    cx = np.concatenate(cx)[:N_COAST]
    cy = np.concatenate(cy)[:N_COAST]
    near = rng.uniform(size=N_COAST) < 0.1
    distance = np.where(
        near,
        np.exp(rng.uniform(math.log(0.5), math.log(5.0), N_COAST)),
        np.exp(rng.uniform(math.log(5.0), math.log(3000.0), N_COAST)))
    bearing = rng.uniform(0, 2 * math.pi, N_COAST)
    px = cx + distance * np.sin(bearing) / (METRES_PER_DEGREE * np.cos(np.radians(cy)))
    py = cy + distance * np.cos(bearing) / METRES_PER_DEGREE

    xs = np.concatenate([ux, px])
    ys = np.concatenate([uy, py])
    kind = ["uniform"] * N_UNIFORM + ["coast"] * N_COAST
    answers = land(xs, ys)

    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"# roaring_landmask {version('roaring-landmask')} RoaringLandmask.contains, "
                f"GSHHG full resolution; seed {SEED}; box lon {lon0}..{lon1} lat {lat0}..{lat1}; "
                f"made by scripts/land/make_roaring_fixture.py\n")
        f.write("lon,lat,land,kind\n")
        for x, y, a, k in zip(xs, ys, answers, kind):
            f.write(f"{x:.8f},{y:.8f},{int(a)},{k}\n")
    import os
    os.replace(tmp, out)
    print(f"wrote {len(xs)} points, {answers.mean():.3f} land, to {out}")


if __name__ == "__main__":
    main()
