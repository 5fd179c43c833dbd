// Builds cms/pages/data/world_map.json, the country shapes of the maps (statistics page,
// partner profiles; cms/pages/world_map.py), from the npm package world-atlas (Natural
// Earth's 1:110m countries as TopoJSON, maintained by the TopoJSON project). Run it again
// only to change the source, the scale or the projection:
//
//   mkdir /tmp/mapbuild && cd /tmp/mapbuild && npm init -y \
//     && npm install world-atlas@2 topojson-client@3 d3-geo@3
//   node /work/main/cms/pages/data/build_world_map.mjs /tmp/mapbuild \
//     > /work/main/cms/pages/data/world_map.json
//
// The shapes are projected once here (Equal Earth: areas compare fairly, no tiles, no
// projection at run time) into SVG path data with whole-pixel coordinates, keyed by the
// ISO 3166-1 numeric code that Natural Earth gives each country (the server maps it to the
// project's alpha-2 codes with django-countries). Shapes without a code (Kosovo, Northern
// Cyprus, Somaliland in this edition) are kept under "unnamed": drawn, never named or
// counted. Antarctica is left out (never a beneficiary, and a third of the height).
import { createRequire } from "node:module";
import path from "node:path";

const root = process.argv[2] || ".";
const require = createRequire(path.join(path.resolve(root), "package.json"));
const topojson = require("topojson-client");
const d3 = require("d3-geo");
const atlasPackage = require("world-atlas/package.json");
const world = require("world-atlas/countries-110m.json");

const WIDTH = 960;
const features = topojson
  .feature(world, world.objects.countries)
  .features.filter((f) => f.id !== "010");
const collection = { type: "FeatureCollection", features };
const projection = d3.geoEqualEarth().fitWidth(WIDTH, collection);
const pathOf = d3.geoPath(projection).digits(0);
const [[, top], [, bottom]] = pathOf.bounds(collection);
projection.translate([projection.translate()[0], projection.translate()[1] - top]);
const height = Math.ceil(bottom - top);

// d3 writes absolute "M x,y L x,y ... Z" rings: rewritten as relative moves without the
// repeated points that whole-pixel rounding leaves, about half the size.
function compact(d) {
  return d
    .split("M")
    .filter(Boolean)
    .map((ring) => {
      const points = ring.replace(/Z$/, "").split("L").map((p) => p.split(",").map(Number));
      let [x, y] = points[0];
      let out = `M${x} ${y}`;
      const steps = [];
      for (const [px, py] of points.slice(1)) {
        if (px === x && py === y) continue;
        steps.push(`${px - x} ${py - y}`);
        [x, y] = [px, py];
      }
      if (steps.length < 2) return "";
      return `${out}l${steps.join(" ").replace(/ -/g, "-")}z`;
    })
    .join("");
}

const countries = {};
const unnamed = [];
for (const feature of features) {
  const d = compact(pathOf(feature) || "");
  if (!d) continue;
  if (feature.id) countries[feature.id] = d;
  else unnamed.push(d);
}
const sorted = Object.fromEntries(Object.entries(countries).sort());
process.stdout.write(
  JSON.stringify({
    source: `world-atlas ${atlasPackage.version} countries-110m.json (Natural Earth 1:110m, public domain)`,
    projection: "Equal Earth",
    width: WIDTH,
    height,
    countries: sorted,
    unnamed,
  }) + "\n",
);
