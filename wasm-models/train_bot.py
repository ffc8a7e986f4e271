"""Trains the bot model: `/usr/bin/python3 wasm-models/train_bot.py` (Debian python3-sklearn, python3-onnx).

Simulates training data with wasm-models/bot-simulate.ts (the engine's own feature code), fits a
small MLP on standardised features, calibrates it (Platt scaling on held-out surveys' rows), and writes
wasm-models/bot.onnx (Sub, Div, MatMul, Add, Relu, Sigmoid; opset 13) plus its manifest entry.
Deterministic: fixed seeds throughout.
"""
import csv, hashlib, io, json, os, subprocess, sys
import numpy as np
from onnx import TensorProto, helper, numpy_helper, save_model
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
VERSION = 1
out = subprocess.run(['npx', 'tsx', os.path.join(HERE, 'bot-simulate.ts')], check=True, capture_output=True, text=True).stdout
rows = list(csv.reader(io.StringIO(out)))
names = rows[0][:-2]
X = np.array([[float(v) for v in r[:-2]] for r in rows[1:]], dtype=np.float64)
y = np.array([int(r[-2]) for r in rows[1:]])
kind = np.array([r[-1] for r in rows[1:]])

idx = np.arange(len(y))
fit_i, rest_i = train_test_split(idx, test_size=0.4, random_state=1, stratify=kind)
cal_i, test_i = train_test_split(rest_i, test_size=0.5, random_state=2, stratify=kind[rest_i])
mean, sd = X[fit_i].mean(0), X[fit_i].std(0) + 1e-9
Z = (X - mean) / sd
mlp = MLPClassifier(hidden_layer_sizes=(16,), alpha=1e-3, max_iter=600, random_state=3).fit(Z[fit_i], y[fit_i])

def logit(z):
    h = np.maximum(0, z @ mlp.coefs_[0] + mlp.intercepts_[0])
    return (h @ mlp.coefs_[1] + mlp.intercepts_[1]).ravel()

platt = LogisticRegression(C=1e6).fit(logit(Z[cal_i])[:, None], y[cal_i])
a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
prob = 1 / (1 + np.exp(-(a * logit(Z) + b)))

metrics = {}
for k in sorted(set(kind)):
    m = test_i[kind[test_i] == k]
    metrics[k] = {'n': int(len(m)), 'flagged_at_0.5': round(float((prob[m] >= 0.5).mean()), 3)}
bins = np.clip((prob[test_i] * 10).astype(int), 0, 9)
metrics['calibration'] = [
    {'bin': f'{i / 10:.1f}-{(i + 1) / 10:.1f}', 'n': int((bins == i).sum()), 'bot_share': round(float(y[test_i][bins == i].mean()), 3)}
    for i in range(10) if (bins == i).sum()
]
print(json.dumps(metrics, indent=1), file=sys.stderr)

f32 = lambda v: numpy_helper.from_array(np.asarray(v, dtype=np.float32))
inits = []
for name, v in [('mean', mean), ('sd', sd), ('w1', mlp.coefs_[0]), ('b1', mlp.intercepts_[0]), ('w2', mlp.coefs_[1] * a), ('b2', mlp.intercepts_[1] * a + b)]:
    t = f32(v)
    t.name = name
    inits.append(t)
nodes = [
    helper.make_node('Sub', ['features', 'mean'], ['centred']),
    helper.make_node('Div', ['centred', 'sd'], ['z']),
    helper.make_node('MatMul', ['z', 'w1'], ['h0']),
    helper.make_node('Add', ['h0', 'b1'], ['h1']),
    helper.make_node('Relu', ['h1'], ['h']),
    helper.make_node('MatMul', ['h', 'w2'], ['l0']),
    helper.make_node('Add', ['l0', 'b2'], ['logit']),
    helper.make_node('Sigmoid', ['logit'], ['probability']),
]
graph = helper.make_graph(
    nodes, 'bot',
    [helper.make_tensor_value_info('features', TensorProto.FLOAT, [None, len(names)])],
    [helper.make_tensor_value_info('probability', TensorProto.FLOAT, [None, 1])],
    inits,
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='sieve-train-bot')
model.ir_version = 8
model.doc_string = json.dumps({'version': VERSION, 'features': names})
path = os.path.join(HERE, 'bot.onnx')
save_model(model, path)

manifest_path = os.path.join(HERE, 'manifest.json')
manifest = json.load(open(manifest_path))
entry = {
    'name': 'bot', 'file': 'bot.onnx', 'version': VERSION,
    'sha256': hashlib.sha256(open(path, 'rb').read()).hexdigest(),
    'inputs': [{'name': 'features', 'shape': [-1, len(names)], 'type': 'float32', 'features': names}],
    'outputs': [{'name': 'probability', 'shape': [-1, 1], 'type': 'float32'}],
    'opset': 13, 'metrics': {k: v for k, v in metrics.items() if k != 'calibration'},
    'purpose': 'probability that a respondent is a random responder (bot); see bot.md',
}
manifest['models'] = [m for m in manifest['models'] if m['name'] != 'bot'] + [entry]
json.dump(manifest, open(manifest_path, 'w'), indent=2)
open(manifest_path, 'a').write('\n')
print(f'wrote {path} ({os.path.getsize(path)} bytes)')
