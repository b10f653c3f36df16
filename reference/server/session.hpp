// One accepted connection served by a C++20 coroutine: read some bytes, feed them to
// the sans-I/O http1::connection, write what it produced, repeat. Internal.
#pragma once

#include <boost/asio/ip/tcp.hpp>

namespace boost::asio::ssl {
class context;
}

namespace conform::reference {

class worker;

// Serves `socket` on `w`'s thread until the connection closes; `tls` null for plain TCP.
void start_session(worker& w, boost::asio::ip::tcp::socket socket, boost::asio::ssl::context* tls);

}  // namespace conform::reference
