#!/usr/bin/env python3
"""Export OpenDrift's own coastline (the GSHHG full-resolution level-1 polygons inside
roaring-landmask) over the area of the per-particle reference runs, for the Swift agreement tests.

Usage (from the repository root):
    python3 scripts/opendrift/export_coastline.py

Why: Sarex reads GSHHG from GMT's binned files (Debian gmt-gshhg-full), which store each vertex
as an offset of 1/65535 of a 1-degree bin (about 1.7 m north-south, 0.9 m east-west here), while
roaring-landmask keeps GSHHG's native micro-degree vertices. A particle whose end-of-step
position or first on-land scan candidate lies within that metre of the shore can therefore
strand in one and not the other. The agreement tests run Sarex on both coastlines: this one
isolates the drift engine, the Debian one is the product.

Writes Tests/SarexDriftTests/Fixtures/opendrift_coastline.csv: header `ring,lon,lat`, one row per
vertex (degrees, 6 decimals = GSHHG's native resolution), rings numbered from 0, each ring closed
(last vertex repeats the first), clipped to the box below. Needs roaring-landmask and shapely.
The data are GSHHG 2.3.7 (Wessel and Smith; LGPL), as packaged in roaring-landmask 0.11.0.
"""
import os

import roaring_landmask
import shapely
import shapely.wkb

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(REPO, "Tests", "SarexDriftTests", "Fixtures", "opendrift_coastline.csv")
# Every position of both reference runs (lon 3.28..4.93, lat 60.17..62.07) plus a margin.
BOX = (3.15, 60.1, 5.05, 62.15)


def main():
    land = shapely.wkb.loads(bytes(roaring_landmask.Shapes.wkb(roaring_landmask.LandmaskProvider.Gshhg)))
    box = shapely.box(*BOX)
    lines = ["ring,lon,lat"]
    ring = 0
    for polygon in land.geoms:
        if not polygon.intersects(box):
            continue
        clipped = polygon.intersection(box)
        for part in getattr(clipped, "geoms", [clipped]):
            if part.geom_type != "Polygon":
                continue
            for r in [part.exterior, *part.interiors]:
                lines.extend("%d,%.6f,%.6f" % (ring, x, y) for x, y in r.coords)
                ring += 1
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, OUT)
    print(f"wrote {os.path.relpath(OUT, REPO)}: {ring} rings, {len(lines) - 1} vertices")


if __name__ == "__main__":
    main()
