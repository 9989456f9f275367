sitmap_pkg_target(proj proj libproj-dev)
