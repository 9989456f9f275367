#version 330 core
// Event counts per pixel to a heat ramp (log scale), transparent where none.
in vec2 v_uv;
uniform sampler2D density;
out vec4 frag_color;
vec3 ramp(float t) {
  vec3 a = vec3(0.98, 0.85, 0.25), b = vec3(0.95, 0.35, 0.10), c = vec3(0.60, 0.0, 0.25);
  return t < 0.5 ? mix(a, b, t * 2.0) : mix(b, c, t * 2.0 - 1.0);
}
void main() {
  float d = texture(density, v_uv).r;
  if (d < 0.5) discard;
  float t = clamp(log2(1.0 + d) / 10.0, 0.0, 1.0);
  frag_color = vec4(ramp(t), 0.55 + 0.45 * t);
}
