# stb_image_write (PNG files) from libstb-dev, through pkg-config.
sitmap_pkg_target(stb stb libstb-dev)
