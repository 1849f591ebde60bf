/* See include/CLeewayReference.h. Written to mirror the Swift kernels operation by operation
 * (compiled with -ffp-contract=off, as Swift does not fuse multiply-adds), so results agree to
 * the last bit when the compilers keep the order. */
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

/* Samples one field at one position: east and north (m/s) and whether they are valid. */
static inline __attribute__((always_inline)) int sample(const CLRField *f,
                                                        const double *restrict coefficients,
                                                        const float *restrict values, double lon,
                                                        double lat, double *east, double *north) {
  /* Locate: the table cell and its polynomials. */
  double wrapped = lon - 360 * floor((lon - f->windowWest) * (1.0 / 360));
  double u = (wrapped - f->west) * f->inverseStep;
  double v = (lat - f->south) * f->inverseStep;
  double width = (double)f->cellsX, height = (double)f->cellsY;
  int inside = u >= 0 && u <= width && v >= 0 && v <= height;
  double uc = clamp0(u, width), vc = clamp0(v, height);
  long ic = floor_index(uc), jc = floor_index(vc);
  ic = ic < f->cellsX - 1 ? ic : f->cellsX - 1;
  jc = jc < f->cellsY - 1 ? jc : f->cellsY - 1;
  double s = uc - (double)ic, t = vc - (double)jc;
  const double *q = coefficients + (jc * f->cellsX + ic) * 18;
  double gi = q[0] + s * (q[2] + s * q[6] + t * q[8]) + t * (q[4] + t * q[10]);
  double gj = q[1] + s * (q[3] + s * q[7] + t * q[9]) + t * (q[5] + t * q[11]);
  double ca = q[12] + s * q[14] + t * q[16];
  double sa = q[13] + s * q[15] + t * q[17];
  double maxI = (double)(f->nx - 1), maxJ = (double)(f->ny - 1);
  int in = inside && gi >= 0 && gi <= maxI && gj >= 0 && gj <= maxJ;
  /* Bilinear over the four nodes, x and y at both times. */
  double fi = clamp0(gi, maxI), fj = clamp0(gj, maxJ);
  long i0 = floor_index(fi), j0 = floor_index(fj);
  long i1 = i0 + 1 < f->nx - 1 ? i0 + 1 : f->nx - 1;
  long j1 = j0 + 1 < f->ny - 1 ? j0 + 1 : f->ny - 1;
  double wx1 = fi - (double)i0, wy1 = fj - (double)j0;
  double wx0 = 1 - wx1, wy0 = 1 - wy1;
  const float *n00 = values + (j0 * f->nx + i0) * f->nodeStride + f->offset;
  const float *n10 = values + (j0 * f->nx + i1) * f->nodeStride + f->offset;
  const float *n01 = values + (j1 * f->nx + i0) * f->nodeStride + f->offset;
  const float *n11 = values + (j1 * f->nx + i1) * f->nodeStride + f->offset;
  double w00 = wy0 * wx0, w10 = wy0 * wx1, w01 = wy1 * wx0, w11 = wy1 * wx1;
  float r[4];
  for (int c = 0; c < 4; c++) {
    double top = (double)n00[c] * w00 + (double)n10[c] * w10;
    double bottom = (double)n01[c] * w01 + (double)n11[c] * w11;
    r[c] = (float)(top + bottom);
  }
  /* Linear in time in float32. */
  float ux = f->exact ? r[0] : r[0] * f->wBefore + r[2] * f->wAfter;
  float vy = f->exact ? r[1] : r[1] * f->wBefore + r[3] * f->wAfter;
  int good = in && ux == ux && vy == vy;
  double ud = (double)ux, vd = (double)vy;
  double e = ud * ca + vd * sa;
  double n = vd * ca - ud * sa;
  *east = good ? e : 0;
  *north = good ? n : 0;
  return good;
}

static inline __attribute__((always_inline)) void small_sin_cos(double x, double *s, double *c) {
  double x2 = x * x;
  *s = x * (1 - x2 * (1.0 / 6 - x2 * (1.0 / 120)));
  *c = 1 - x2 * (0.5 - x2 * (1.0 / 24 - x2 * (1.0 / 720)));
}

static inline __attribute__((always_inline)) double sqrt_near_one(double x) {
  double r = -429.0 / 32768;
  r = r * x - 33.0 / 2048;
  r = r * x - 21.0 / 1024;
  r = r * x - 7.0 / 256;
  r = r * x - 5.0 / 128;
  r = r * x - 1.0 / 16;
  r = r * x - 1.0 / 8;
  r = r * x - 0.5;
  return r * x + 1;
}

static inline __attribute__((always_inline)) double inverse_sqrt(double x) {
  union { double d; uint64_t u; } b = {x};
  b.u = 0x5fe6eb50c7b537a9ULL - (b.u >> 1);
  double y = b.d;
  double half = 0.5 * x;
  for (int k = 0; k < 4; k++) y = y * (1.5 - half * y * y);
  return y;
}

static inline __attribute__((always_inline)) void sin_cos_latitude(double x, double *sn, double *cs) {
  double x2 = x * x;
  double s = -1.0 / 121645100408832000.0;
  s = s * x2 + 1.0 / 355687428096000.0;
  s = s * x2 - 1.0 / 1307674368000.0;
  s = s * x2 + 1.0 / 6227020800.0;
  s = s * x2 - 1.0 / 39916800.0;
  s = s * x2 + 1.0 / 362880.0;
  s = s * x2 - 1.0 / 5040;
  s = s * x2 + 1.0 / 120;
  s = s * x2 - 1.0 / 6;
  s = s * x2 + 1;
  double c = 1.0 / 2432902008176640000.0;
  c = c * x2 - 1.0 / 6402373705728000.0;
  c = c * x2 + 1.0 / 20922789888000.0;
  c = c * x2 - 1.0 / 87178291200.0;
  c = c * x2 + 1.0 / 479001600.0;
  c = c * x2 - 1.0 / 3628800.0;
  c = c * x2 + 1.0 / 40320;
  c = c * x2 - 1.0 / 720;
  c = c * x2 + 1.0 / 24;
  c = c * x2 - 0.5;
  c = c * x2 + 1;
  *sn = s * x;
  *cs = c;
}

/* Geodesic move by (east, north) metres with the midpoint rule (LocalGeodesic.move). */
static inline __attribute__((always_inline)) void move(double *lon, double *lat, double *s0p, double *c0p, double east,
                        double north) {
  const double inverseA = 1 / A;
  const double inverseAOneMinusE2 = 1 / (A * (1 - E2));
  double s0 = *s0p, c0 = *c0p;
  double w0sq = 1 - E2 * s0 * s0;
  double w0 = sqrt_near_one(E2 * s0 * s0);
  double dPhiHalf = (0.5 * inverseAOneMinusE2) * north * (w0sq * w0);
  double sinD, cosD;
  small_sin_cos(dPhiHalf, &sinD, &cosD);
  double sm = s0 * cosD + c0 * sinD;
  double cm = c0 * cosD - s0 * sinD;
  double inverseCosines = 1 / (c0 * cm);
  double beta = (0.5 * inverseA) * east * s0 * w0 * (cm * inverseCosines);
  double sinB, cosB;
  small_sin_cos(beta, &sinB, &cosB);
  double northMid = north * cosB - east * sinB;
  double eastMid = east * cosB + north * sinB;
  double wmsq = 1 - E2 * sm * sm;
  double wm = sqrt_near_one(E2 * sm * sm);
  double dPhi = northMid * (wmsq * wm) * inverseAOneMinusE2;
  double dLambda = eastMid * wm * inverseA * (c0 * inverseCosines);
  double x = *lon + dLambda * DEG_PER_RAD;
  x = x > 180 ? x - 360 : x;
  x = x < -180 ? x + 360 : x;
  double sinP, cosP;
  small_sin_cos(dPhi, &sinP, &cosP);
  *lon = x;
  *lat = *lat + dPhi * DEG_PER_RAD;
  *s0p = s0 * cosP + c0 * sinP;
  *c0p = c0 * cosP - s0 * sinP;
}

/* The loop, with every array a restrict parameter so the compiler knows stores to the
 * particle columns never change the forcing (and may vectorise). */
static __attribute__((noinline)) void step_loop(long n, const CLRField *restrict wind, const double *restrict windCoefficients,
                      const float *restrict windValues, const CLRField *restrict current,
                      const double *restrict currentCoefficients,
                      const float *restrict currentValues, double *restrict longitude,
                      double *restrict latitude, double *restrict previousLongitude,
                      double *restrict previousLatitude, const uint8_t *restrict status,
                      const double *restrict downwindSlope, const double *restrict downwindOffset,
                      const double *restrict downwindEpsilon,
                      const double *restrict crosswindSlope,
                      const double *restrict crosswindOffset,
                      const double *restrict crosswindEpsilon, double dt) {
  /* clang's cost model declines the gathers; asked, it runs 4 particles per AVX2 vector. */
#pragma clang loop vectorize(enable) vectorize_width(4)
  for (long i = 0; i < n; i++) {
    double lon0 = longitude[i], lat0 = latitude[i];
    double we, wn, ce, cn;
    sample(wind, windCoefficients, windValues, lon0, lat0, &we, &wn);
    sample(current, currentCoefficients, currentValues, lon0, lat0, &ce, &cn);
    /* Leeway velocity (LeewayKernel.moveLanes). */
    double speedSquared = we * we + wn * wn;
    double inverse = inverse_sqrt(speedSquared);
    double u = speedSquared * inverse;
    int calm = speedSquared <= 0;
    inverse = calm ? 0 : inverse;
    double sinDir = we * inverse;
    double cosDir = calm ? 1 : wn * inverse;
    double dwe = downwindEpsilon[i], cwe = crosswindEpsilon[i];
    double downwind = (downwindSlope[i] + dwe * 0.05) * u + downwindOffset[i] + dwe * 0.5;
    double crosswind = (crosswindSlope[i] + cwe * 0.05) * u + crosswindOffset[i] + cwe * 0.5;
    double leewayEast = downwind * sinDir - crosswind * cosDir;
    double leewayNorth = downwind * cosDir + crosswind * sinDir;
    double s0, c0;
    sin_cos_latitude(lat0 * RAD_PER_DEG, &s0, &c0);
    double lon = lon0, lat = lat0;
    move(&lon, &lat, &s0, &c0, leewayEast * dt, leewayNorth * dt);
    move(&lon, &lat, &s0, &c0, ce * dt, cn * dt);
    int active = status[i] == 0;
    previousLongitude[i] = lon0;
    previousLatitude[i] = lat0;
    longitude[i] = active ? lon : lon0;
    latitude[i] = active ? lat : lat0;
  }
}

void clr_step(const CLRField *wind, const CLRField *current, const CLRParticles *p, double dt) {
  const CLRField w = *wind, c = *current;
  step_loop(p->count, &w, w.coefficients, w.values, &c, c.coefficients, c.values, p->longitude,
            p->latitude, p->previousLongitude, p->previousLatitude, p->status, p->downwindSlope,
            p->downwindOffset, p->downwindEpsilon, p->crosswindSlope, p->crosswindOffset,
            p->crosswindEpsilon, dt);
}
