#pragma once
// Coordinate transforms through PROJ, from WGS 84 lon/lat to any CRS PROJ
// knows ("EPSG:3857", "ESRI:54035", a PROJ string ...), in the target's
// conventional axis order (x = east, y = north).
#include <memory>
#include <string>

namespace sitmap {

class Reprojector {
 public:
  // Throws std::invalid_argument naming the CRS when PROJ cannot build the transform.
  explicit Reprojector(const std::string& target_crs);
  Reprojector(Reprojector&&) noexcept;
  Reprojector& operator=(Reprojector&&) noexcept;
  ~Reprojector();

  // false when the point has no image in the target (outside its domain).
  bool forward(double lon, double lat, double& x, double& y) const;
  bool inverse(double x, double y, double& lon, double& lat) const;
  // In place, n points at once (PROJ's batch call); failures become HUGE_VAL.
  void forward_many(double* x, double* y, size_t n) const;
  const std::string& target() const { return target_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string target_;
};

}  // namespace sitmap
