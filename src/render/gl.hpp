#pragma once
// OpenGL 3.3 core, through the system's libGL (Mesa exports every core
// entry point), and the count of bytes we upload: the benchmark checks
// that scrubbing the timeline uploads nothing.
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>

#include <cstddef>

namespace sitmap::gl {

// Bytes given to glBufferData / glBufferSubData / glTexImage2D since start.
size_t& uploaded_bytes();

inline void buffer_data(GLenum target, size_t bytes, const void* data, GLenum usage) {
  uploaded_bytes() += bytes;
  glBufferData(target, static_cast<GLsizeiptr>(bytes), data, usage);
}

}  // namespace sitmap::gl
