#version 330 core
// One instanced quad per event. Time filtering happens here against a
// uniform window, so scrubbing and playing upload nothing.
layout(location = 0) in vec2 corner;       // per vertex: (-1,-1) .. (1,1)
layout(location = 1) in vec2 position;     // per event: projected map units
layout(location = 2) in vec2 days;         // per event: first and last day, relative to the data's start
layout(location = 3) in float magnitude;   // fatalities or largest quantity
layout(location = 4) in uvec3 type_precision;  // sub-type, geo_precision, independent sources
layout(location = 5) in uint visible;      // filters other than time (uploaded on filter change only)

uniform vec2 center;
uniform vec2 half_extent;
uniform vec2 viewport;      // pixels
uniform vec2 window;        // [first day, last day] shown
uniform int fade;           // 1: older events in the window fade
uniform int selected;       // GPU index of the pinned event, or -1
uniform int hovered;
uniform int instance_base;  // GPU index of this draw's first instance
uniform vec3 palette[32];

out vec2 v_local;
out vec4 v_color;
flat out float v_ring;     // 0: no ring; else the disc's radius in the quad's units
flat out int v_mark;       // 1 hovered, 2 selected
flat out float v_sources;  // 0: one source; else where the sources' white band sits in the disc

void main() {
  if (visible == 0u || days.y < window.x || days.x > window.y) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: nothing drawn
    return;
  }
  float radius = 3.5 + 1.5 * sqrt(min(magnitude, 100.0));  // at most 18.5 px
  // An event several sources report is drawn larger, with a white band inside (up to 6 sources).
  uint sources = max(type_precision.z, 1u);
  radius += 1.5 * float(min(sources, 6u) - 1u);
  v_sources = sources > 1u ? 0.55 : 0.0;
  uint geo_precision = type_precision.y;
  // The ring says how uncertain the place is, whatever the magnitude.
  float outer = geo_precision == 1u ? radius : radius + (geo_precision == 2u ? 5.0 : 12.0);
  v_ring = geo_precision == 1u ? 0.0 : radius / outer;
  int id = instance_base + gl_InstanceID;
  v_mark = id == selected ? 2 : (id == hovered ? 1 : 0);
  if (v_mark > 0) outer += 3.0;
  vec2 ndc = (position - center) / half_extent;
  gl_Position = vec4(ndc + corner * outer * 2.0 / viewport, 0.0, 1.0);
  v_local = corner;
  float age = window.y > window.x ? clamp((days.y - window.x) / (window.y - window.x), 0.0, 1.0) : 1.0;
  float alpha = fade == 1 ? 0.3 + 0.7 * age : 0.9;
  v_color = vec4(palette[min(type_precision.x, 31u)], alpha);
}
