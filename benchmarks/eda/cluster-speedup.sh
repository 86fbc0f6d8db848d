#!/usr/bin/env bash
# nas eda dataset: this machine alone (-j 1, -j 2) against the cluster (1 worker x 1 slot, 2 workers x 1 slot), same sweep, fresh folders.
set -u
cd "$(dirname "$0")/../.."
S="--designs mul6,add8_6,alu8,cnt6_8,fir4_6,mac6 --densities 0.6,0.8 --seeds 1 --layers 3,4 --blockages 0"
OUT=${OUT:-/tmp/nas-cluster-speedup}; rm -rf $OUT; mkdir -p $OUT
PORT=6397
redis-server --port $PORT --save "" --appendonly no > $OUT/redis.log 2>&1 & REDIS=$!
sleep 1
t() { local s=$(date +%s.%N); "$@" > /dev/null 2>> $OUT/err.log; local rc=$?; echo "$(echo "$(date +%s.%N) - $s" | bc) rc=$rc"; }
worker() { ./nas worker --cluster redis://127.0.0.1:$PORT --slots 1 --host 127.0.0.1 --silo-port $1 --gateway-port $2 > $OUT/w$1.log 2>&1 & echo $!; }
ready() { until grep -q "Worker ready" $OUT/w$1.log; do sleep 0.5; done; }
echo "local -j1: $(t ./nas eda dataset $OUT/l1 $S -j 1)"
W1=$(worker 11121 30021); ready 11121
echo "cluster 1x1: $(t ./nas eda dataset $OUT/c1 $S --cluster redis://127.0.0.1:$PORT)"
W2=$(worker 11122 30022); ready 11122; sleep 3
echo "cluster 2x1: $(t ./nas eda dataset $OUT/c2 $S --cluster redis://127.0.0.1:$PORT)"
kill $W1 $W2; sleep 3
echo "local -j2: $(t ./nas eda dataset $OUT/l2 $S -j 2)"
kill $REDIS
for d in c1 c2 l2; do python3 - "$OUT/l1" "$OUT/$d" <<'PY'
import json,sys,glob,os
a,b=sys.argv[1],sys.argv[2]; n=same=0
for f in glob.glob(a+'/samples/*.json'):
    k=os.path.basename(f); n+=1
    same+= json.load(open(f))['labels']==json.load(open(b+'/samples/'+k))['labels']
print(b, n, 'samples,', same, 'with the same labels as local -j1')
PY
done
