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

# Writes the static part of the target profile under $1: index.html and bytes/{n} for
# the sizes the cases use.
write_static_profile() {
  local root=$1 name=$2 n
  mkdir -p "$root/bytes"
  printf 'conform peer: %s\n' "$name" >"$root/index.html"
  for n in 0 1 16 100 1024 65536; do
    python3 -c "import sys; sys.stdout.write(''.join(chr(97 + i % 26) for i in range($n)))" >"$root/bytes/$n"
  done
}

# Starts "$@" in the background (its PID in $dir/pid) on a fresh port until it listens;
# $config_writer PORT writes the config first. Prints url= and pid=.
start_on_free_port() {
  local dir=$1 name=$2 config_writer=$3 attempt port
  shift 3
  for attempt in 1 2 3; do
    port=$(free_port)
    "$config_writer" "$port"
    "$@" >"$dir/stdout.log" 2>&1 &
    echo $! >"$dir/pid"
    if wait_for_port "$port" 10; then
      echo "http://127.0.0.1:$port/" >"$dir/url"
      echo "url=http://127.0.0.1:$port/"
      echo "pid=$(cat "$dir/pid")"
      return 0
    fi
    stop_pid_file "$dir/pid"
  done
  echo "$name did not start; see $dir/stdout.log" >&2
  return 1
}

# Installs the Node peer whose package.json and *.mjs are in $1 into the gitignored cache
# $2: npm install once per package.json, a lock keeping parallel test runs from racing.
node_peer_install() {
  local src=$1 cache=$2 f
  command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are required (tools/bootstrap peers)" >&2; return 1; }
  mkdir -p "$cache"
  (
    flock 9
    if ! cmp -s "$src/package.json" "$cache/package.json" || [ ! -d "$cache/node_modules" ]; then
      cp "$src/package.json" "$cache/package.json"
      (cd "$cache" && npm install --no-audit --no-fund --silent >/dev/null)
    fi
    # Only changed files: rewriting a script another test's node is loading races.
    for f in "$src"/*.mjs; do cmp -s "$f" "$cache/${f##*/}" || cp "$f" "$cache/"; done
  ) 9>"$cache/.lock"
}

# Starts `node SCRIPT 0` in the background (its PID in $dir/pid) and waits for the
# port=N line it prints and for that port to listen; writes $dir/port.
start_node_peer() {
  local dir=$1 name=$2 script=$3 port="" i
  rm -f "$dir/stdout.log"  # a previous run's port= line must not be read before node truncates it
  node "$script" 0 >"$dir/stdout.log" 2>"$dir/stderr.log" &
  echo $! >"$dir/pid"
  for ((i = 0; i < 200; i++)); do
    port=$(sed -n 's/^port=//p' "$dir/stdout.log" 2>/dev/null | head -1 || true)  # the log may not exist yet
    [ -n "$port" ] && break
    sleep 0.05
  done
  if [ -z "$port" ] || ! wait_for_port "$port" 10; then
    echo "$name did not start:" >&2
    cat "$dir/stderr.log" >&2
    stop_pid_file "$dir/pid"
    return 1
  fi
  echo "$port" >"$dir/port"
}
