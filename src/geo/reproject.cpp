#include "geo/reproject.hpp"

#include <proj.h>

#include <cmath>
#include <stdexcept>

namespace sitmap {

struct Reprojector::Impl {
  PJ_CONTEXT* ctx = proj_context_create();
  PJ* pj = nullptr;
  Impl() { proj_log_level(ctx, PJ_LOG_NONE); }  // errors reach the user as exceptions instead
  ~Impl() {
    if (pj) proj_destroy(pj);
    proj_context_destroy(ctx);
  }
};

Reprojector::Reprojector(const std::string& target_crs) : impl_(std::make_unique<Impl>()), target_(target_crs) {
  PJ* raw = proj_create_crs_to_crs(impl_->ctx, "EPSG:4326", target_crs.c_str(), nullptr);
  if (!raw)
    throw std::invalid_argument("CRS '" + target_crs + "': PROJ cannot transform WGS 84 to it: " +
                                proj_context_errno_string(impl_->ctx, proj_context_errno(impl_->ctx)));
  // EPSG:4326 is lat/lon by definition; normalising makes both sides x=lon/east, y=lat/north.
  impl_->pj = proj_normalize_for_visualization(impl_->ctx, raw);
  proj_destroy(raw);
  if (!impl_->pj) throw std::invalid_argument("CRS '" + target_crs + "': PROJ cannot normalise the transform");
}

Reprojector::Reprojector(Reprojector&&) noexcept = default;
Reprojector& Reprojector::operator=(Reprojector&&) noexcept = default;
Reprojector::~Reprojector() = default;

bool Reprojector::forward(double lon, double lat, double& x, double& y) const {
  const PJ_COORD out = proj_trans(impl_->pj, PJ_FWD, proj_coord(lon, lat, 0, 0));
  x = out.xy.x;
  y = out.xy.y;
  return std::isfinite(x) && std::isfinite(y);
}

void Reprojector::forward_many(double* x, double* y, size_t n) const {
  proj_trans_generic(impl_->pj, PJ_FWD, x, sizeof(double), n, y, sizeof(double), n, nullptr, 0, 0, nullptr, 0, 0);
}

bool Reprojector::inverse(double x, double y, double& lon, double& lat) const {
  const PJ_COORD out = proj_trans(impl_->pj, PJ_INV, proj_coord(x, y, 0, 0));
  lon = out.xy.x;
  lat = out.xy.y;
  return std::isfinite(lon) && std::isfinite(lat);
}

}  // namespace sitmap
