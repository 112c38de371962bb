// REQUIRES: grpc
// RUN: %check_leak_tidy %s leak-unbounded-pagination %t -- \
// RUN:   -config="{CheckOptions: [{key: leak-unbounded-pagination.CheckRepeatedToken, value: true}]}"

// gRPC list methods (Google API style: page_size, page_token,
// next_page_token) against the real grpc++ and protobuf headers; the
// generated classes are hand-written in the shape protoc 3.21 emits.

#include <grpcpp/grpcpp.h>
#include <grpcpp/support/stub_options.h>
#include <google/protobuf/repeated_field.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace example {
namespace library {
namespace v1 {

class Book {
public:
  const std::string &name() const;
  const std::string &author() const;
};

class ListBooksRequest {
public:
  const std::string &parent() const;
  template <typename ArgT0 = const std::string &, typename... ArgT>
  void set_parent(ArgT0 &&arg0, ArgT... args);
  int32_t page_size() const;
  void set_page_size(int32_t value);
  const std::string &page_token() const;
  template <typename ArgT0 = const std::string &, typename... ArgT>
  void set_page_token(ArgT0 &&arg0, ArgT... args);
  std::string *mutable_page_token();
};

class ListBooksResponse {
public:
  int books_size() const;
  const ::google::protobuf::RepeatedPtrField<Book> &books() const;
  const std::string &next_page_token() const;
};

class LibraryService final {
public:
  class StubInterface {
  public:
    virtual ~StubInterface() {}
    virtual ::grpc::Status ListBooks(::grpc::ClientContext *context,
                                     const ListBooksRequest &request,
                                     ListBooksResponse *response) = 0;
  };
  class Stub final : public StubInterface {
  public:
    explicit Stub(const std::shared_ptr<::grpc::ChannelInterface> &channel);
    ::grpc::Status ListBooks(::grpc::ClientContext *context,
                             const ListBooksRequest &request,
                             ListBooksResponse *response) override;
  };
  static std::unique_ptr<Stub> NewStub(const std::shared_ptr<::grpc::ChannelInterface> &channel,
                                       const ::grpc::StubOptions &options = ::grpc::StubOptions());
};

} // namespace v1
} // namespace library
} // namespace example

namespace lib = example::library::v1;

// ---- Positives ----------------------------------------------------------

// do/while on a token variable; the request is built in the loop, so its
// page size goes right before the call.
std::vector<lib::Book> allBooks(lib::LibraryService::Stub &Stub, const std::string &Shelf) {
  std::vector<lib::Book> Books;
  std::string Token;
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'next_page_token()' keeps it running forever; also stop when the new token equals the previous one [leak-unbounded-pagination]
    lib::ListBooksRequest Request;
    Request.set_parent(Shelf);
    Request.set_page_token(Token);
    lib::ListBooksResponse Response;
    grpc::ClientContext Context;
    grpc::Status Status = Stub.ListBooks(&Context, Request, &Response);
    if (!Status.ok())
      break;
    for (const lib::Book &Book : Response.books())
      Books.push_back(Book);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Books' accumulates every page of this pagination loop with no cap: a large result set exhausts memory; stop at a maximum size or process each page and drop it [leak-unbounded-pagination]
    Token = Response.next_page_token();
  } while (!Token.empty());
  return Books;
}
// CHECK-FIXES: {{^}}  std::string Token;{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  do {{{$}}
// CHECK-FIXES: {{^}}    if (Books.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    lib::ListBooksRequest Request;{{$}}
// CHECK-FIXES: {{^}}    grpc::ClientContext Context;{{$}}
// CHECK-FIXES-NEXT: {{^}}    Request.set_page_size(100);{{$}}
// CHECK-FIXES-NEXT: {{^}}    grpc::Status Status = Stub.ListBooks(&Context, Request, &Response);{{$}}

// The stub behind a unique_ptr member, the token written through the
// generated mutable_ accessor, names kept in a member.
class Catalog {
public:
  explicit Catalog(std::shared_ptr<grpc::Channel> Channel)
      : Stub(lib::LibraryService::NewStub(Channel)) {}
  void refresh();

private:
  std::unique_ptr<lib::LibraryService::Stub> Stub;
  std::vector<std::string> Titles;
};

void Catalog::refresh() {
  lib::ListBooksRequest Request;
  Request.set_page_size(50);
  while (true) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pagination loop ends only when the response carries no next token: a server that repeats 'next_page_token()'
    grpc::ClientContext Context;
    lib::ListBooksResponse Response;
    if (!Stub->ListBooks(&Context, Request, &Response).ok())
      return;
    for (const lib::Book &Book : Response.books())
      Titles.push_back(Book.name());
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Titles' accumulates every page of this pagination loop with no cap
    if (Response.next_page_token().empty())
      break;
    *Request.mutable_page_token() = Response.next_page_token();
  }
}
// CHECK-FIXES: {{^}}  Request.set_page_size(50);{{$}}
// CHECK-FIXES-NEXT: {{^}}  constexpr std::size_t kMaxItems = 10000;{{$}}
// CHECK-FIXES-NEXT: {{^}}  while (true) {{{$}}
// CHECK-FIXES: {{^}}    if (Titles.size() >= kMaxItems) break;{{$}}
// CHECK-FIXES-NEXT: {{^}}    grpc::ClientContext Context;{{$}}

// ---- Look-alike negatives -----------------------------------------------

// Capped by the size of what is kept.
std::vector<lib::Book> firstBooks(lib::LibraryService::Stub &Stub, std::size_t Max) {
  std::vector<lib::Book> Books;
  lib::ListBooksRequest Request;
  Request.set_page_size(100);
  while (Books.size() < Max) {
    grpc::ClientContext Context;
    lib::ListBooksResponse Response;
    if (!Stub.ListBooks(&Context, Request, &Response).ok())
      break;
    Books.insert(Books.end(), Response.books().begin(), Response.books().end());
    if (Response.next_page_token().empty())
      break;
    Request.set_page_token(Response.next_page_token());
  }
  return Books;
}

// Each page is counted and dropped; a repeated token ends the loop.
int countBooks(lib::LibraryService::Stub &Stub) {
  int Count = 0;
  lib::ListBooksRequest Request;
  Request.set_page_size(100);
  do {
    grpc::ClientContext Context;
    lib::ListBooksResponse Response;
    if (!Stub.ListBooks(&Context, Request, &Response).ok())
      break;
    Count += Response.books_size();
    if (Response.next_page_token() == Request.page_token())
      break;
    Request.set_page_token(Response.next_page_token());
  } while (!Request.page_token().empty());
  return Count;
}

// One call per shelf, no token: a loop over an in-memory list.
std::vector<lib::Book> firstPageOfEachShelf(lib::LibraryService::Stub &Stub,
                                            const std::vector<std::string> &Shelves) {
  std::vector<lib::Book> Books;
  for (std::size_t I = 0; I < Shelves.size(); ++I) {
    lib::ListBooksRequest Request;
    Request.set_parent(Shelves[I]);
    Request.set_page_size(10);
    grpc::ClientContext Context;
    lib::ListBooksResponse Response;
    Stub.ListBooks(&Context, Request, &Response);
    Books.insert(Books.end(), Response.books().begin(), Response.books().end());
  }
  return Books;
}
