#!/bin/bash
# Training throughput side by side with the PyTorch peers, one line per model and thread count:
#   tools/peer-bench.sh            (after ./mvnw -q -DskipTests install; needs ../shared/peers and
#                                   apt-get install python3-torch libopenblas0-pthread)
# torch is the peer as shipped; torch_same_malloc runs it with the glibc malloc settings Stride gives itself
# (NativeBuild.prepareNativeRuntime): on machines where page faults are dear, the shipped peer's step time depends
# on whether glibc returns its large buffers to the kernel, and the second column is its fast case.
set -euo pipefail
cd "$(dirname "$0")/.."
peers=../shared/peers
torch() {
  /usr/bin/python3 "$peers/${1}_torch.py" --threads "$2" | tail -1 \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["img_per_s_median"])'
}
for threads in 1 2; do
  for model in lenet stridednet; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    shipped=$(torch "$model" "$threads")
    same_malloc=$(MALLOC_MMAP_THRESHOLD_=$((128 << 20)) MALLOC_TRIM_THRESHOLD_=$((512 << 20)) torch "$model" "$threads")
    stride=$(java -jar engine/target/stride.jar bench train --model "$model" --threads "$threads" | tail -1 \
      | grep -o '[0-9.]* images/s' | cut -d' ' -f1)
    echo "$model threads=$threads load=$load torch=$shipped torch_same_malloc=$same_malloc stride=$stride" \
      "ratio=$(python3 -c "print(round($stride / $shipped, 2))")" \
      "ratio_same_malloc=$(python3 -c "print(round($stride / $same_malloc, 2))")"
  done
done
