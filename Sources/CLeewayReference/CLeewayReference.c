/* See include/CLeewayReference.h. Written to mirror the Swift kernels operation by operation
 * (compiled with -ffp-contract=off: Swift fuses multiply-adds only where asked, with
 * `addingProduct`, and this file does so with explicit fma/fmaf at the same places), so
 * results agree to the last bit. */
#include "CLeewayReference.h"

#include <math.h>

static const double A = 6378137.0;
static const double F = 1 / 298.257223563;
#define E2 (F * (2 - F))
#define DEG_PER_RAD (180 / 3.14159265358979323846)
#define RAD_PER_DEG (3.14159265358979323846 / 180)

static inline __attribute__((always_inline)) double clamp0(double x, double upper) {
  double a = x >= 0 ? x : 0;
  return a <= upper ? a : upper;
}

/* Floor of a value already clamped to [0, 2^31), without a trapping conversion. */
static inline __attribute__((always_inline)) long floor_index(double x) {
  double y = floor(x) + 6755399441055744.0;
  union { double d; uint64_t u; } b = {y};
  return (long)(b.u & 0xFFFFFFFFu);
}

/* Locates one position in one field's lookup table and grid (the first pass of
 * GriddedVectorField.tableKernel and LonLatLookupTable.evaluate): the grid node of the cell's
 * lower-left corner, bilinear weights, rotation, and whether the position is inside. */
typedef struct {
  long node;
  float wx, wy, ca, sa;
  int inside;
} CLRLocation;

static inline __attribute__((always_inline)) float quadratic(const float *q, float s, float t) {
  float a = fmaf(t, q[4], fmaf(s, q[3], q[1]));
  float b = fmaf(t, q[5], q[2]);
  return fmaf(t, b, fmaf(s, a, q[0]));
}

/* One grid axis: cell = base + floor(local) clamped to [0, last cell], weight follows. */
static inline __attribute__((always_inline)) long axis(float base, float local, float maxIndex,
                                                       float lastCell, float *weight, int *inside) {
  float fl = floorf(local);
  float fraction = local - fl;
  float index = base + fl;
  *inside = index >= 0 && (index < maxIndex || (index == maxIndex && fraction == 0));
  float cell = index >= 0 ? index : 0;
  cell = cell <= lastCell ? cell : lastCell;
  *weight = (index - cell) + fraction;
  union { float f; uint32_t u; } b = {cell + 12582912.0f};
  return (long)(b.u & 0x3FFFFFu);
}

/* The lookup-table cell of one position, the position inside it (s, t in [0, 1]) and whether
 * the position is inside the table. */
typedef struct {
  long cell;
  float s, t;
  int inside;
} CLRTableCell;

static inline __attribute__((always_inline)) CLRTableCell table_cell(const CLRField *f, double lon,
                                                                     double lat) {
  double wrapped = lon - 360 * floor((lon - f->windowWest) * (1.0 / 360));
  double u = (wrapped - f->west) * f->inverseStep;
  double v = (lat - f->south) * f->inverseStep;
  double width = (double)f->cellsX, height = (double)f->cellsY;
  CLRTableCell r;
  r.inside = u >= 0 && u <= width && v >= 0 && v <= height;
  double uc = clamp0(u, width), vc = clamp0(v, height);
  double ic = floor(uc), jc = floor(vc);
  ic = ic > width - 1 ? width - 1 : ic;
  jc = jc > height - 1 ? height - 1 : jc;
  r.cell = floor_index(jc * width + ic);
  r.s = (float)(uc - ic);
  r.t = (float)(vc - jc);
  return r;
}

/* The grid location from the table cell's 18 floats `q`. */
static inline __attribute__((always_inline)) CLRLocation locate_in(const CLRField *f,
                                                                   const float *q, float s,
                                                                   float t, int inside) {
  float li = quadratic(q + 2, s, t);
  float lj = quadratic(q + 8, s, t);
  float delta = fmaf(t, q[17], q[16] * s);
  float c = 1 - 0.5f * delta * delta;
  CLRLocation r;
  r.ca = fmaf(-q[15], delta, q[14] * c);
  r.sa = fmaf(q[14], delta, q[15] * c);
  int insideI, insideJ;
  long i0 = axis(q[0], li, (float)(f->nx - 1), (float)(f->nx - 2), &r.wx, &insideI);
  long j0 = axis(q[1], lj, (float)(f->ny - 1), (float)(f->ny - 2), &r.wy, &insideJ);
  r.node = j0 * f->nx + i0;
  r.inside = inside && insideI && insideJ;
  return r;
}

static inline __attribute__((always_inline)) CLRLocation locate(const CLRField *f,
                                                                const float *restrict cells,
                                                                double lon, double lat) {
  CLRTableCell tc = table_cell(f, lon, lat);
  return locate_in(f, cells + tc.cell * 18, tc.s, tc.t, tc.inside);
}

/* Samples one field at a located position, the grid cell's lower-left node's group at `p`:
 * east and north (m/s) and whether they are valid (the second pass of
 * GriddedVectorField.tableKernel). */
static inline __attribute__((always_inline)) int sample_at(const CLRField *f, const float *p,
                                                           CLRLocation l, double *east,
                                                           double *north) {
  const float *p01 = p + 4 * f->nx;
  float r[4];
  for (int c = 0; c < 4; c++) {
    float bottom = fmaf(l.wx, p[4 + c] - p[c], p[c]);
    float top = fmaf(l.wx, p01[4 + c] - p01[c], p01[c]);
    r[c] = fmaf(l.wy, top - bottom, bottom);
  }
  /* Linear in time in float32. */
  float ux = f->exact ? r[0] : fmaf(r[2], f->wAfter, r[0] * f->wBefore);
  float vy = f->exact ? r[1] : fmaf(r[3], f->wAfter, r[1] * f->wBefore);
  int good = l.inside && ux == ux && vy == vy;
  float e = fmaf(vy, l.sa, ux * l.ca);
  float n = fmaf(-ux, l.sa, vy * l.ca);
  *east = good ? (double)e : 0;
  *north = good ? (double)n : 0;
  return good;
}

static inline __attribute__((always_inline)) int sample(const CLRField *f,
                                                        const float *restrict values,
                                                        CLRLocation l, double *east,
                                                        double *north) {
  return sample_at(f, values + f->offset + l.node * 4, l, east, north);
}

/* Samples one field at eight consecutive particles, with the run fast paths of
 * GriddedVectorField.tableKernel: when the eight share a table cell its floats are read from
 * one place, and when they share a grid cell its nodes are (same arithmetic per particle). */
static inline __attribute__((always_inline)) void sample8(const CLRField *restrict f,
                                                          const float *restrict cells,
                                                          const float *restrict values,
                                                          const double *restrict lon,
                                                          const double *restrict lat,
                                                          double *restrict east,
                                                          double *restrict north) {
  CLRTableCell tc[8];
  for (int l = 0; l < 8; l++) tc[l] = table_cell(f, lon[l], lat[l]);
  int sameCell = 1;
  for (int l = 1; l < 8; l++) sameCell &= tc[l].cell == tc[0].cell;
  CLRLocation loc[8];
  if (sameCell) {
    const float *q = cells + tc[0].cell * 18;
    for (int l = 0; l < 8; l++) loc[l] = locate_in(f, q, tc[l].s, tc[l].t, tc[l].inside);
  } else {
    for (int l = 0; l < 8; l++)
      loc[l] = locate_in(f, cells + tc[l].cell * 18, tc[l].s, tc[l].t, tc[l].inside);
  }
  int sameNode = 1;
  for (int l = 1; l < 8; l++) sameNode &= loc[l].node == loc[0].node;
  if (sameNode) {
    const float *p = values + f->offset + loc[0].node * 4;
    for (int l = 0; l < 8; l++) sample_at(f, p, loc[l], east + l, north + l);
  } else {
    for (int l = 0; l < 8; l++) sample(f, values, loc[l], east + l, north + l);
  }
}

static inline __attribute__((always_inline)) void small_sin_cos(double x, double *s, double *c) {
  double x2 = x * x;
  *s = fma(x * x2, -1.0 / 6, x);
  *c = fma(x2, -0.5, 1);
}

static inline __attribute__((always_inline)) double sqrt_near_one(double x) {
  double r = -429.0 / 32768;
  r = fma(r, x, -33.0 / 2048);
  r = fma(r, x, -21.0 / 1024);
  r = fma(r, x, -7.0 / 256);
  r = fma(r, x, -5.0 / 128);
  r = fma(r, x, -1.0 / 16);
  r = fma(r, x, -1.0 / 8);
  r = fma(r, x, -0.5);
  return fma(r, x, 1);
}

static inline __attribute__((always_inline)) double inverse_sqrt(double x) {
  union { double d; uint64_t u; } b = {x};
  b.u = 0x5fe6eb50c7b537a9ULL - (b.u >> 1);
  double y = b.d;
  double half = 0.5 * x;
  for (int k = 0; k < 4; k++) y = y * fma(-(half * y), y, 1.5);
  return y;
}

/* Geodesic move by (east, north) metres with the midpoint rule (LocalGeodesic.move). */
static inline __attribute__((always_inline)) void move(double *lon, double *lat, double *s0p, double *c0p, double east,
                        double north) {
  const double inverseA = 1 / A;
  const double inverseAOneMinusE2 = 1 / (A * (1 - E2));
  double s0 = *s0p, c0 = *c0p;
  double e2s0 = E2 * s0 * s0;
  double w0sq = 1 - e2s0;
  double w0 = sqrt_near_one(e2s0);
  double dPhiHalf = (0.5 * inverseAOneMinusE2) * north * (w0sq * w0);
  double sinD, cosD;
  small_sin_cos(dPhiHalf, &sinD, &cosD);
  double sm = fma(c0, sinD, s0 * cosD);
  double cm = fma(-s0, sinD, c0 * cosD);
  double inverseCosines = 1 / (c0 * cm);
  double beta = (0.5 * inverseA) * east * s0 * w0 * (cm * inverseCosines);
  double sinB, cosB;
  small_sin_cos(beta, &sinB, &cosB);
  double northMid = fma(-east, sinB, north * cosB);
  double eastMid = fma(north, sinB, east * cosB);
  double e2sm = E2 * sm * sm;
  double wmsq = 1 - e2sm;
  double wm = sqrt_near_one(e2sm);
  double dPhi = northMid * (wmsq * wm) * inverseAOneMinusE2;
  double dLambda = eastMid * wm * inverseA * (c0 * inverseCosines);
  double x = fma(dLambda, DEG_PER_RAD, *lon);
  x = x > 180 ? x - 360 : x;
  x = x < -180 ? x + 360 : x;
  double sinP, cosP;
  small_sin_cos(dPhi, &sinP, &cosP);
  *lon = x;
  *lat = fma(dPhi, DEG_PER_RAD, *lat);
  *s0p = fma(c0, sinP, s0 * cosP);
  *c0p = fma(-s0, sinP, c0 * cosP);
}

/* Leeway and current displacement of one particle from its sampled wind and current
 * (LeewayKernel.moveLanes, LocalGeodesic.move). */
static inline __attribute__((always_inline)) void advance(
    long i, double we, double wn, double ce, double cn, double *restrict longitude,
    double *restrict latitude, double *restrict previousLongitude,
    double *restrict previousLatitude, double *restrict sinLatitude,
    double *restrict cosLatitude, const uint8_t *restrict status,
    const double *restrict downwindSlope, const double *restrict downwindOffset,
    const double *restrict downwindEpsilon, const double *restrict crosswindSlope,
    const double *restrict crosswindOffset, const double *restrict crosswindEpsilon,
    double dt) {
  double lon0 = longitude[i], lat0 = latitude[i];
  /* Leeway velocity (LeewayKernel.moveLanes). */
  double speedSquared = we * we + wn * wn;
  double inverse = inverse_sqrt(speedSquared);
  double u = speedSquared * inverse;
  int calm = speedSquared <= 0;
  inverse = calm ? 0 : inverse;
  double sinDir = we * inverse;
  double cosDir = calm ? 1 : wn * inverse;
  double dwe = downwindEpsilon[i], cwe = crosswindEpsilon[i];
  double downwind = fma(dwe, 0.5, fma(fma(dwe, 0.05, downwindSlope[i]), u, downwindOffset[i]));
  double crosswind =
      fma(cwe, 0.5, fma(fma(cwe, 0.05, crosswindSlope[i]), u, crosswindOffset[i]));
  double leewayEast = fma(-crosswind, cosDir, downwind * sinDir);
  double leewayNorth = fma(crosswind, sinDir, downwind * cosDir);
  double s00 = sinLatitude[i], c00 = cosLatitude[i];
  double s0 = s00, c0 = c00;
  double lon = lon0, lat = lat0;
  move(&lon, &lat, &s0, &c0, leewayEast * dt, leewayNorth * dt);
  move(&lon, &lat, &s0, &c0, ce * dt, cn * dt);
  int active = status[i] == 0;
  previousLongitude[i] = lon0;
  previousLatitude[i] = lat0;
  longitude[i] = active ? lon : lon0;
  latitude[i] = active ? lat : lat0;
  sinLatitude[i] = active ? s0 : s00;
  cosLatitude[i] = active ? c0 : c00;
}

/* The loop, with every array a restrict parameter so the compiler knows stores to the
 * particle columns never change the forcing (and may vectorise): eight particles at a time
 * (sampled with the run fast paths, then moved), the last few one by one. */
static __attribute__((noinline)) void step_loop(long n, const CLRField *restrict wind, const float *restrict windCells,
                      const float *restrict windValues, const CLRField *restrict current,
                      const float *restrict currentCells,
                      const float *restrict currentValues, double *restrict longitude,
                      double *restrict latitude, double *restrict previousLongitude,
                      double *restrict previousLatitude, double *restrict sinLatitude,
                      double *restrict cosLatitude, const uint8_t *restrict status,
                      const double *restrict downwindSlope, const double *restrict downwindOffset,
                      const double *restrict downwindEpsilon,
                      const double *restrict crosswindSlope,
                      const double *restrict crosswindOffset,
                      const double *restrict crosswindEpsilon, double dt) {
  long i = 0;
  for (; i + 8 <= n; i += 8) {
    double we[8], wn[8], ce[8], cn[8];
    sample8(wind, windCells, windValues, longitude + i, latitude + i, we, wn);
    sample8(current, currentCells, currentValues, longitude + i, latitude + i, ce, cn);
    for (int l = 0; l < 8; l++)
      advance(i + l, we[l], wn[l], ce[l], cn[l], longitude, latitude, previousLongitude,
              previousLatitude, sinLatitude, cosLatitude, status, downwindSlope,
              downwindOffset, downwindEpsilon, crosswindSlope, crosswindOffset,
              crosswindEpsilon, dt);
  }
  for (; i < n; i++) {
    double lon0 = longitude[i], lat0 = latitude[i];
    double we, wn, ce, cn;
    sample(wind, windValues, locate(wind, windCells, lon0, lat0), &we, &wn);
    sample(current, currentValues, locate(current, currentCells, lon0, lat0), &ce, &cn);
    advance(i, we, wn, ce, cn, longitude, latitude, previousLongitude, previousLatitude,
            sinLatitude, cosLatitude, status, downwindSlope, downwindOffset, downwindEpsilon,
            crosswindSlope, crosswindOffset, crosswindEpsilon, dt);
  }
}

void clr_step(const CLRField *wind, const CLRField *current, const CLRParticles *p, double dt) {
  const CLRField w = *wind, c = *current;
  step_loop(p->count, &w, w.cells, w.values, &c, c.cells, c.values, p->longitude,
            p->latitude, p->previousLongitude, p->previousLatitude, p->sinLatitude,
            p->cosLatitude, p->status, p->downwindSlope,
            p->downwindOffset, p->downwindEpsilon, p->crosswindSlope, p->crosswindOffset,
            p->crosswindEpsilon, dt);
}
