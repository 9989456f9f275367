sitmap_pkg_target(utf8proc libutf8proc libutf8proc-dev)
