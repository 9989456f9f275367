sitmap_pkg_target(glfw glfw3 libglfw3-dev)
