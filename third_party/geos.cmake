sitmap_pkg_target(geos geos libgeos-dev)
