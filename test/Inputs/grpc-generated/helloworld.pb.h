// Test header shaped like protoc's output for helloworld.proto (subset):
// message HelloRequest { string name = 1; }  message HelloReply { string message = 1; }
// Real generated messages derive from google::protobuf::Message; these plain
// classes declare gRPC's serialization hook for them instead.
#pragma once
#include <grpcpp/impl/serialization_traits.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/status.h>

#include <string>

namespace helloworld {

class HelloRequest final {
public:
  const std::string &name() const { return name_; }
  void set_name(const std::string &value) { name_ = value; }

private:
  std::string name_;
};

class HelloReply final {
public:
  const std::string &message() const { return message_; }
  void set_message(const std::string &value) { message_ = value; }

private:
  std::string message_;
};

} // namespace helloworld

namespace grpc {
template <> class SerializationTraits<::helloworld::HelloRequest, void> {
public:
  static Status Serialize(const ::helloworld::HelloRequest &msg, ByteBuffer *buffer,
                          bool *own_buffer);
  static Status Deserialize(ByteBuffer *buffer, ::helloworld::HelloRequest *msg);
};
template <> class SerializationTraits<::helloworld::HelloReply, void> {
public:
  static Status Serialize(const ::helloworld::HelloReply &msg, ByteBuffer *buffer,
                          bool *own_buffer);
  static Status Deserialize(ByteBuffer *buffer, ::helloworld::HelloReply *msg);
};
} // namespace grpc
