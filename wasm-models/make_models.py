"""Builds the tiny ONNX models shipped with Sieve. Run: /usr/bin/python3 wasm-models/make_models.py

smoke.onnx proves the ml worker's path end to end (onnxruntime-web, precache, offline): a logistic
score over three behavioural features, with fixed weights chosen by hand, not trained.
"""
import hashlib
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def smoke_model():
    w = numpy_helper.from_array(np.array([[-2.0], [1.5], [3.0]], dtype=np.float32), name="w")
    b = numpy_helper.from_array(np.array([0.5], dtype=np.float32), name="b")
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["features", "w"], ["z0"]),
            helper.make_node("Add", ["z0", "b"], ["z"]),
            helper.make_node("Sigmoid", ["z"], ["probability"]),
        ],
        "smoke",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, 3])],
        [helper.make_tensor_value_info("probability", TensorProto.FLOAT, [None, 1])],
        initializer=[w, b],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def main():
    model = smoke_model()
    path = os.path.join(HERE, "smoke.onnx")
    onnx.save(model, path)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    manifest = {
        "models": [
            {
                "name": "smoke",
                "file": "smoke.onnx",
                "sha256": digest,
                "inputs": [{"name": "features", "shape": [-1, 3], "type": "float32"}],
                "outputs": [{"name": "probability", "shape": [-1, 1], "type": "float32"}],
                "opset": 13,
                "metrics": None,
                "purpose": "path check: sigmoid(-2*speed + 1.5*straightness + 3*gibberish + 0.5)",
            }
        ]
    }
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
