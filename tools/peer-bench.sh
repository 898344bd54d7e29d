#!/bin/bash
# Training throughput side by side with the PyTorch peers, one line per model and thread count:
#   tools/peer-bench.sh            (after ./mvnw -q -DskipTests install; needs ../shared/peers and
#                                   apt-get install python3-torch libopenblas0-pthread)
set -euo pipefail
cd "$(dirname "$0")/.."
peers=../shared/peers
for threads in 1 2; do
  for model in lenet stridednet; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    torch=$(/usr/bin/python3 "$peers/${model}_torch.py" --threads "$threads" | tail -1 \
      | python3 -c 'import json, sys; print(json.load(sys.stdin)["img_per_s_median"])')
    stride=$(java -jar engine/target/stride.jar bench train --model "$model" --threads "$threads" | tail -1 \
      | grep -o '[0-9.]* images/s' | cut -d' ' -f1)
    echo "$model threads=$threads load=$load torch=$torch stride=$stride ratio=$(python3 -c "print(round($stride / $torch, 2))")"
  done
done
