# sitmap_pkg_target(TARGET PKGCONFIG_NAME DEBIAN_PACKAGE): an imported target from
# pkg-config, or a configure-time error that names the package to install.
find_package(PkgConfig REQUIRED)
function(sitmap_pkg_target target module debian_package)
  pkg_check_modules(${target} QUIET IMPORTED_TARGET GLOBAL ${module})
  if(NOT ${target}_FOUND)
    message(FATAL_ERROR "${module} not found: install the Debian package ${debian_package} "
                        "(apt-get install ${debian_package}, or run: bash tools/dev.sh setup)")
  endif()
  add_library(sitmap::${target} ALIAS PkgConfig::${target})
endfunction()
