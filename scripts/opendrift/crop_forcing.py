#!/usr/bin/env python3
"""Crop the MET Norway forcing files to the part the demo scenario needs.

Copies every variable, attribute, the grid mapping, the int16 packing (raw integers, no
decoding: scale_factor, add_offset and _FillValue are carried over as attributes),
zlib + shuffle compression at the source's level and per-time-step chunking, for a
rectangle of grid indices and all time steps.

Usage:
    python3 scripts/opendrift/crop_forcing.py [--source DIR] [--dest DIR]

The index rectangles below were chosen from a 66 h OpenDrift Leeway run of the demo scenario
(PIW-1, 100,000 particles, lon 4.0, lat 60.2, radius 500 m, start 2015-11-16T00:00Z,
10 min step, jibing on) on the full files: the rectangle of grid indices ever visited by a
particle (NorKyst X 60.9..298.4, Y 79.5..200.95; AROME x -0.03..48.6, y 54.6..128.5, in
fractional grid indices), widened by 20 NorKyst cells (16 km) and 7 AROME cells (17.5 km)
where the source grid allows. The cloud itself reaches the source files' edges (NorKyst: the
high-X and high-Y edges; AROME: the low-x edge), so there the crop keeps the source edge and
some particles become missing_data exactly as on the full files.
"""
import argparse
import os
import sys

import netCDF4

# name -> {dimension name: (first index, last index + 1)}
CROPS = {
    "norkyst800_subset_16Nov2015.nc": {"X": (40, 301), "Y": (59, 201)},
    "arome_subset_16Nov2015.nc": {"x": (0, 57), "y": (47, 137)},
}


def crop(src_path, dst_path, ranges):
    tmp_path = dst_path + ".tmp"
    with netCDF4.Dataset(src_path) as src, netCDF4.Dataset(tmp_path, "w", format="NETCDF4") as dst:
        src.set_auto_maskandscale(False)
        dst.set_auto_maskandscale(False)
        for name, dim in src.dimensions.items():
            if dim.isunlimited():
                dst.createDimension(name, None)
            elif name in ranges:
                a, b = ranges[name]
                dst.createDimension(name, b - a)
            else:
                dst.createDimension(name, len(dim))
        for name, var in src.variables.items():
            filters = var.filters() or {}
            chunking = var.chunking()
            chunks = None
            if chunking not in (None, "contiguous"):
                chunks = []
                for dname, c in zip(var.dimensions, chunking):
                    if dname in ranges:
                        a, b = ranges[dname]
                        c = min(c, b - a)
                    chunks.append(c)
            attrs = {k: var.getncattr(k) for k in var.ncattrs()}
            fill = attrs.pop("_FillValue", None)
            out = dst.createVariable(
                name,
                var.datatype,
                var.dimensions,
                zlib=bool(filters.get("zlib", False)),
                complevel=int(filters.get("complevel", 0) or 4),
                shuffle=bool(filters.get("shuffle", False)),
                chunksizes=chunks,
                contiguous=chunking == "contiguous" and len(var.dimensions) > 0,
                fill_value=fill,
                endian=var.endian(),
            )
            out.set_auto_maskandscale(False)  # write the raw packed integers untouched
            out.setncatts(attrs)
            index = tuple(slice(*ranges[d]) if d in ranges else slice(None) for d in var.dimensions)
            if var.dimensions:
                out[...] = var[index]
            else:
                out.assignValue(var.getValue())
        gattrs = {k: src.getncattr(k) for k in src.ncattrs()}
        crop_note = ", ".join(f"{d} {a}:{b}" for d, (a, b) in ranges.items())
        gattrs["history"] = (
            f"Cropped by Sarex scripts/opendrift/crop_forcing.py (index ranges {crop_note}, "
            f"all times) from {os.path.basename(src_path)}\n" + str(gattrs.get("history", ""))
        )
        dst.setncatts(gattrs)
    os.replace(tmp_path, dst_path)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=os.path.join(repo, "..", "shared", "data", "forcing"))
    parser.add_argument("--dest", default=os.path.join(repo, "data", "forcing"))
    args = parser.parse_args()
    os.makedirs(args.dest, exist_ok=True)
    for name, ranges in CROPS.items():
        src = os.path.join(args.source, name)
        if not os.path.exists(src):
            sys.exit(f"crop_forcing: source file {src} not found")
        dst = os.path.join(args.dest, name)
        crop(src, dst, ranges)
        print(f"{dst}: {os.path.getsize(dst) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
