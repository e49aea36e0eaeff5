# Reads a wrk report; prints its requests/second, or "errors" when wrk counted any answer that was not a
# 2xx or 3xx ("Non-2xx or 3xx responses: N"): wrk counts those in Requests/sec too, and an error answered
# fast makes a server look quick, so no ratio may be taken from such a run. Both counts wrk reports (those
# answers and socket errors) go to stderr whenever they are not zero.
#   wrk -t2 -c32 -d5s URL | awk -f src/bench/wrk_rps.awk
/^Requests\/sec:/ { rps = $2 }
/Non-2xx or 3xx responses:/ { non2xx = $NF + 0 }
/Socket errors:/ {
  line = $0
  sub(/.*Socket errors: */, "", line)
  socket = line
}
END {
  if (socket != "") printf "wrk: socket errors: %s\n", socket > "/dev/stderr"
  if (non2xx > 0) {
    printf "wrk: %d Non-2xx or 3xx responses\n", non2xx > "/dev/stderr"
    print "errors"
  } else if (rps == "") {
    print "wrk: no Requests/sec in its report" > "/dev/stderr"
    print "errors"
  } else {
    print rps
  }
}
