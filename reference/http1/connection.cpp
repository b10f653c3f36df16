#include "reference/http1/connection.hpp"

#include <string>

#include "reference/http1/status_text.hpp"

namespace conform::reference::http1 {

connection::connection(http1_limits const& limits) : limits_(limits), reader_(limits) {
  out_.reserve(16 * 1024);
}

void connection::commit_input(std::size_t n) {
  in_.commit(n);
  process();
}

void connection::feed(std::string_view bytes) {
  in_.append(bytes);
  process();
}

void connection::on_peer_eof() { peer_done_ = true; }

void connection::on_read_timeout() {
  if (current_phase() == phase::idle) {
    closing_ = true;  // an idle keep-alive connection closes without a word
  } else if (!closing_) {
    reject(violation::request_timeout);
  }
}

void connection::begin_shutdown() {
  draining_ = true;  // every response from now on says "Connection: close"
  if (reader_.at_request_start() && in_.empty()) closing_ = true;
}

void connection::consume_output(std::size_t n) {
  out_sent_ += n;
  if (out_sent_ >= out_.size()) {
    out_.clear();
    out_sent_ = 0;
  }
  pump();
  process();
}

connection::phase connection::current_phase() const {
  if (closing_ || peer_done_) return phase::closing;
  if (reader_.in_body()) return phase::body;
  if (reader_.at_request_start() && in_.empty()) return phase::idle;
  return phase::header;
}

bool connection::wants_input() const { return !closing_ && !peer_done_ && !paused(); }

bool connection::finished() const { return (closing_ || peer_done_) && pending() == 0 && !producer_; }

// Handles every complete request buffered, in order, until input runs out, the
// connection is closing, or the output needs draining first.
void connection::process() {
  while (!closing_ && !paused()) {
    switch (reader_.read(in_)) {
      case request_reader::event::need_more:
        return;
      case request_reader::event::rejected:
        reject(reader_.rejection());
        return;
      case request_reader::event::header_done:
        on_header_done();
        break;
      case request_reader::event::request_done:
        on_request_done();
        break;
    }
  }
}

void connection::on_header_done() {
  request& req = reader_.current();
  upgrade_check_ = find_upgrade(req.path());
  if (upgrade_check_) {
    if (reader_.expects_body()) reader_.keep_body(false);
    return;
  }
  decision_ = route(req);
  if (!reader_.expects_body()) return;
  if (decision_.refuses() && req.expect_continue) {
    // RFC 9110 §10.1.1 lets a server answer with the final status instead of 100
    // (Continue). The client may then send the body or not, so the rest of the stream
    // cannot be parsed reliably: close after the response.
    response_context context = context_for(req, false);
    response_writer writer(out_, context);
    answer(decision_, req, writer);
    closing_ = true;
    ++responses_;
    return;
  }
  reader_.keep_body(decision_.keeps_body());
  if (req.expect_continue && in_.empty()) {
    response_context context = context_for(req, true);
    response_writer(out_, context).interim(100);
  }
}

void connection::on_request_done() {
  if (upgrade_check_) return on_upgrade_request();
  request const& req = reader_.current();
  response_context context = context_for(req, req.keep_alive && !draining_);
  response_writer writer(out_, context);
  answer(decision_, req, writer);
  producer_ = writer.take_producer();
  if (!context.keep_alive) closing_ = true;
  ++responses_;
  reader_.next();
  pump();
}

void connection::reject(violation v) {
  last_violation_ = v;
  violation_info const& info = describe(v);
  request const& req = reader_.current();
  response_context context = context_for(req, false);
  // A request refused before Beast saw its request-line may still be a HEAD.
  context.head = context.head || in_.readable().substr(0, 5) == "HEAD ";
  std::string body = std::to_string(info.status) + ' ' + std::string(reason_phrase(info.status)) +
                     "\nviolation: " + std::string(info.key) + "\nclause: " + std::string(info.clause) +
                     "\n" + std::string(info.reason) + "\n";
  response_writer writer(out_, context);
  respond_text(writer, info.status, body);
  closing_ = true;
  ++responses_;
}

// Either the check refuses (its status, then close) or the connection switches: no more
// HTTP/1.1 is read, and the request stays current for the transport to hand over.
void connection::on_upgrade_request() {
  request const& req = reader_.current();
  closing_ = true;
  upgrade_refusal const refusal = upgrade_check_(req);
  if (!refusal) {
    upgrade_ = true;
    return;
  }
  response_context context = context_for(req, false);
  response_writer writer(out_, context);
  std::string const body = std::to_string(refusal.status) + ' ' + std::string(reason_phrase(refusal.status)) +
                           "\nviolation: " + std::string(refusal.key) + "\nclause: " + std::string(refusal.clause) +
                           "\n" + std::string(refusal.reason) + "\n";
  writer.start(refusal.status);
  for (auto const& [name, value] : refusal.fields)
    if (!name.empty()) writer.field(name, value);
  writer.field("Content-Type", "text/plain");
  writer.finish(body);
  ++responses_;
}

// Refills the output from the body being produced, up to the backpressure limit.
void connection::pump() {
  while (producer_ && pending() < limits_.max_pending_output) {
    if (out_sent_ > 0) {
      out_.erase(0, out_sent_);
      out_sent_ = 0;
    }
    if (producer_->produce(out_, limits_.max_pending_output - pending())) {
      producer_.reset();
      if (draining_) closing_ = true;
    }
  }
}

response_context connection::context_for(request const& req, bool keep_alive) const {
  return {req.version(), req.verb() == method::head, keep_alive, date_};
}

}  // namespace conform::reference::http1
