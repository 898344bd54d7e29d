"""Rewrites a Keras 3 model JSON in the Keras 2 (tf.keras 2.x) spelling, to test Stride's Keras 2 reader.

Keras 2 differences reproduced: no "module"/"registered_name"/"build_config", "dtype": "float32" strings instead of
DTypePolicy objects, "batch_input_shape" instead of "batch_shape", list-style inbound_nodes
[[["layer", 0, 0, {}], ...]], initializers as {"class_name", "config"} only, "keras_version"/"backend" at the top.

    python3 tools/keras-fixtures/to_keras2.py CASE_ID < cases.json > out.json
"""
import json
import sys


def strip(obj):
    if isinstance(obj, dict):
        if obj.get("class_name") == "DTypePolicy":
            return "float32"
        out = {}
        for k, v in obj.items():
            if k in ("module", "registered_name", "build_config", "compile_config", "optional"):
                continue
            if k == "batch_shape":
                k = "batch_input_shape"
            if k == "inbound_nodes":
                out[k] = [[[t["config"]["keras_history"][0], 0, 0, {}] for t in tensors(call["args"])] for call in v]
                continue
            out[k] = strip(v)
        if out.get("class_name") in ("GlorotUniform", "Zeros", "Ones") and "config" in out:
            out["config"] = {kk: vv for kk, vv in out["config"].items() if kk == "seed"}
        return out
    if isinstance(obj, list):
        return [strip(x) for x in obj]
    return obj


def tensors(args):
    found = []
    def walk(x):
        if isinstance(x, dict) and x.get("class_name") == "__keras_tensor__":
            found.append(x)
        elif isinstance(x, list):
            for y in x:
                walk(y)
    walk(args)
    return found


cases = json.load(sys.stdin)["cases"]
case = next(c for c in cases if c["id"] == sys.argv[1])
model = strip(case["model"])
model["keras_version"] = "2.13.1"
model["backend"] = "tensorflow"
print(json.dumps(model, indent=1))
