#version 330 core
in vec2 v_local;
in vec4 v_color;
flat in float v_ring;
flat in int v_mark;
flat in float v_sources;
out vec4 frag_color;
void main() {
  float r = length(v_local);
  if (r > 1.0) discard;
  if (v_mark > 0 && r > 0.78) {  // highlight: a white band edged in black for the pinned event
    bool edge = v_mark == 2 && (r > 0.93 || r < 0.82);
    frag_color = edge ? vec4(0.05, 0.05, 0.05, 1.0) : (v_mark == 2 ? vec4(1.0) : vec4(1.0, 1.0, 0.6, 0.9));
    return;
  }
  if (v_ring > 0.0 && r > v_ring) {  // uncertainty ring for geo_precision 2 and 3
    float edge = smoothstep(0.80, 0.88, r) * (1.0 - smoothstep(0.94, 1.0, r));
    frag_color = vec4(v_color.rgb, v_color.a * (0.12 + 0.6 * edge));
    return;
  }
  float inner = v_ring > 0.0 ? r / v_ring : r;
  if (v_sources > 0.0 && inner > v_sources && inner < v_sources + 0.12) {  // several sources: a white band
    frag_color = vec4(vec3(0.97), v_color.a);
    return;
  }
  float border = smoothstep(0.75, 0.9, inner);
  frag_color = vec4(mix(v_color.rgb, vec3(0.08), border * 0.6), v_color.a);
}
