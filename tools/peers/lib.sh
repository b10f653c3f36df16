# Shared helpers for tools/peers/*: ephemeral loopback ports, readiness, stop by PID.
# Sourced, not run.

# A free TCP port on 127.0.0.1 (the kernel picks it; a tiny race remains until the
# peer binds it, which is why start scripts retry).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits up to $2 seconds (default 10) for 127.0.0.1:$1 to accept connections.
wait_for_port() {
  local port=$1 limit=${2:-10} i
  for ((i = 0; i < limit * 20; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  return 1
}

# Stops the process whose PID is in file $1: TERM, then KILL after 5 s.
stop_pid_file() {
  local file=$1 pid i
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$file"
}
