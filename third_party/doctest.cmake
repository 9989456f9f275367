find_package(doctest QUIET)
if(NOT doctest_FOUND)
  message(FATAL_ERROR "doctest not found: install the Debian package doctest-dev")
endif()
