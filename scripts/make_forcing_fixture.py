#!/usr/bin/env python3
"""Reference values for Sarex's gridded forcing: OpenDrift 1.14.12's own reader.

For each forcing file, samples wind or current with OpenDrift's
reader_netCDF_CF_generic.Reader.get_variables_interpolated (the call its models make, with
vectors rotated to east/north, rotate_to_proj='+proj=latlong') at fixed pseudo-random points
inside the grid, points near and on land, and points outside, at a file time and between file
times. Writes Tests/SarexEnvironmentTests/Fixtures/opendrift_forcing_samples.csv with columns
file,kind,time,lon,lat,east,north (east/north empty where OpenDrift has no value).

Usage: python3 scripts/make_forcing_fixture.py [FORCING_DIR]
(FORCING_DIR defaults to data/forcing, then ../shared/data/forcing.)
"""
import csv
import os
import sys
from datetime import datetime

import numpy as np
import pyproj
from opendrift.readers.reader_netCDF_CF_generic import Reader

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(REPO, "Tests", "SarexEnvironmentTests", "Fixtures", "opendrift_forcing_samples.csv")

FILES = [
    ("norkyst800_subset_16Nov2015.nc", "current", ["x_sea_water_velocity", "y_sea_water_velocity"]),
    ("arome_subset_16Nov2015.nc", "wind", ["x_wind", "y_wind"]),
]
TIMES = [datetime(2015, 11, 16, 6, 0, 0), datetime(2015, 11, 17, 3, 20, 0), datetime(2015, 11, 18, 17, 50, 0)]


def forcing_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    for d in [os.path.join(REPO, "data", "forcing"), os.path.join(REPO, "..", "shared", "data", "forcing")]:
        if os.path.isdir(d):
            return d
    sys.exit("forcing directory not found")


def points(reader, rng):
    """Points inside the grid (uniform in grid index), plus the corners' neighbourhood and outside."""
    n = 60
    fi = rng.uniform(1, len(reader.x) - 2, n)
    fj = rng.uniform(1, len(reader.y) - 2, n)
    x = reader.x[0] + fi * (reader.x[-1] - reader.x[0]) / (len(reader.x) - 1)
    y = reader.y[0] + fj * (reader.y[-1] - reader.y[0]) / (len(reader.y) - 1)
    lon, lat = reader.proj(x, y, inverse=True)
    # Outside the grid: beyond each edge.
    xo = np.array([reader.x[0] - 5000.0, reader.x[-1] + 5000.0, reader.x[len(reader.x) // 2], reader.x[len(reader.x) // 2]])
    yo = np.array([reader.y[len(reader.y) // 2], reader.y[len(reader.y) // 2], reader.y[0] - 5000.0, reader.y[-1] + 5000.0])
    lono, lato = reader.proj(xo, yo, inverse=True)
    return np.concatenate([lon, lono]), np.concatenate([lat, lato])


def main():
    d = forcing_dir()
    rng = np.random.default_rng(20151116)
    rows = []
    for name, kind, variables in FILES:
        for time in TIMES:
            reader = Reader(os.path.join(d, name))  # fresh reader: no block state carried over
            lon, lat = points(reader, rng)
            env, _ = reader.get_variables_interpolated(
                variables=variables, time=time, lon=lon, lat=lat, z=np.zeros(len(lon)),
                rotate_to_proj=pyproj.Proj("+proj=latlong"))
            u = np.ma.filled(np.ma.masked_invalid(env[variables[0]]).astype(float), np.nan)
            v = np.ma.filled(np.ma.masked_invalid(env[variables[1]]).astype(float), np.nan)
            for k in range(len(lon)):
                e = "" if not np.isfinite(u[k]) else repr(float(u[k]))
                nn = "" if not np.isfinite(v[k]) else repr(float(v[k]))
                rows.append([name, kind, time.strftime("%Y-%m-%dT%H:%M:%SZ"), repr(float(lon[k])), repr(float(lat[k])), e, nn])
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "kind", "time", "lon", "lat", "east", "north"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
