#pragma once
// A GLSL program from the shaders/ files: embedded at build time, or read
// at run time from $SITMAP_SHADER_DIR when that is set.
#include <string>
#include <string_view>

#include "render/gl.hpp"

namespace sitmap {

class ShaderProgram {
 public:
  ShaderProgram() = default;
  // Throws std::runtime_error with the file name and the driver's log.
  ShaderProgram(std::string_view vert_name, std::string_view vert, std::string_view frag_name, std::string_view frag);
  ShaderProgram(ShaderProgram&& o) noexcept : id_(o.id_) { o.id_ = 0; }
  ShaderProgram& operator=(ShaderProgram&& o) noexcept;
  ~ShaderProgram();

  GLuint id() const { return id_; }
  void use() const { glUseProgram(id_); }
  GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }

 private:
  GLuint id_ = 0;
};

}  // namespace sitmap
