#version 330 core
// Density at low zoom: each event in the window adds one to its pixel.
layout(location = 1) in vec2 position;
layout(location = 2) in vec2 days;
layout(location = 5) in uint visible;
uniform vec2 center;
uniform vec2 half_extent;
uniform vec2 window;
void main() {
  if (visible == 0u || days.y < window.x || days.x > window.y) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  gl_Position = vec4((position - center) / half_extent, 0.0, 1.0);
  gl_PointSize = 3.0;
}
