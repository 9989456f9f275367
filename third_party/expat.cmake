sitmap_pkg_target(expat expat libexpat1-dev)
