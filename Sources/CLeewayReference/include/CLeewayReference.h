/* A plain C version of one Sarex Leeway step, for the benchmark only (`sarex bench`).
 *
 * Same data, same arithmetic as the Swift kernels (GriddedVectorField sampling with the
 * per-cell float32 polynomial lon/lat lookup, bilinear and linear in time in float32 with
 * fused multiply-adds, rotation to east/north; LeewayKernel.moveLanes and LocalGeodesic.move), one particle
 * per loop iteration, so that the compiler may vectorise it as it sees fit. Excludes release,
 * the land check and jibing. The column pointers must not alias (restrict). Units: degrees for positions, m/s for velocities, seconds for dt.
 */
#ifndef CLEEWAYREFERENCE_H
#define CLEEWAYREFERENCE_H

#include <stddef.h>
#include <stdint.h>

/* One gridded field at one time: the lookup table and the two bracketing time slices. */
typedef struct {
  double west, south, inverseStep, windowWest;
  long cellsX, cellsY;
  /* 18 floats per table cell (see LonLatLookupTable.cells). */
  const float *restrict cells;
  /* Values: per node `nodeStride` floats, (x, y) at the time before, then after. */
  const float *restrict values;
  long nodeStride;
  /* Floats from `values` to the plane of the time before. */
  long offset;
  float wBefore, wAfter;
  /* 1 when the request is exactly a file time (use that time only). */
  int exact;
  long nx, ny;
} CLRField;

/* The particle columns the step reads and writes (struct of arrays, `count` each). */
typedef struct {
  double *restrict longitude, *restrict latitude;
  double *restrict previousLongitude, *restrict previousLatitude;
  /* sin and cos of the latitude, carried between steps (the move updates them). */
  double *restrict sinLatitude, *restrict cosLatitude;
  const uint8_t *restrict status;
  const double *restrict downwindSlope, *restrict downwindOffset, *restrict downwindEpsilon;
  const double *restrict crosswindSlope, *restrict crosswindOffset;
  const double *restrict crosswindEpsilon;
  long count;
} CLRParticles;

/* Samples wind and current at every particle and moves the active ones (status 0) by leeway
 * and current over dt seconds, remembering the start positions. */
void clr_step(const CLRField *wind, const CLRField *current, const CLRParticles *particles,
              double dt);

#endif
