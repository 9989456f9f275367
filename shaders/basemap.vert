#version 330 core
// Land triangles and border lines, in projected map units.
layout(location = 0) in vec2 position;
uniform vec2 center;      // map units at the viewport's centre
uniform vec2 half_extent; // map units from centre to viewport edge (x, y)
void main() {
  gl_Position = vec4((position - center) / half_extent, 0.0, 1.0);
}
