#include "render/shader.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>

namespace sitmap {

size_t& gl::uploaded_bytes() {
  static size_t bytes = 0;
  return bytes;
}

namespace {

GLuint compile(GLenum kind, std::string_view name, std::string_view source) {
  const GLuint s = glCreateShader(kind);
  const char* text = source.data();
  const GLint length = static_cast<GLint>(source.size());
  glShaderSource(s, 1, &text, &length);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[2048];
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    glDeleteShader(s);
    throw std::runtime_error("shaders/" + std::string(name) + ": " + log);
  }
  return s;
}

// $SITMAP_SHADER_DIR/<name> when set (edit shaders without rebuilding), else the embedded copy.
std::string source(std::string_view name, std::string_view embedded) {
  if (const char* dir = std::getenv("SITMAP_SHADER_DIR"); dir && *dir) {
    std::ifstream in(std::string(dir) + "/" + std::string(name));
    if (in) return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return std::string(embedded);
}

}  // namespace

ShaderProgram::ShaderProgram(std::string_view vert_name, std::string_view vert, std::string_view frag_name, std::string_view frag) {
  const GLuint v = compile(GL_VERTEX_SHADER, vert_name, source(vert_name, vert));
  const GLuint f = compile(GL_FRAGMENT_SHADER, frag_name, source(frag_name, frag));
  id_ = glCreateProgram();
  glAttachShader(id_, v);
  glAttachShader(id_, f);
  glLinkProgram(id_);
  glDeleteShader(v);
  glDeleteShader(f);
  GLint ok = 0;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048];
    glGetProgramInfoLog(id_, sizeof log, nullptr, log);
    throw std::runtime_error("shaders/" + std::string(vert_name) + " + " + std::string(frag_name) + ": " + log);
  }
}

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& o) noexcept {
  std::swap(id_, o.id_);
  return *this;
}

ShaderProgram::~ShaderProgram() {
  if (id_) glDeleteProgram(id_);
}

}  // namespace sitmap
