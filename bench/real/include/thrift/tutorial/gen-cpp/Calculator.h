// Hand-written stand-in for the thrift-generated tutorial header, declaring
// only what tutorial/cpp/CppServer.cpp uses (syntax checking only).
#pragma once
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <thrift/TProcessor.h>
#include <thrift/Thrift.h>

namespace shared {
struct SharedStruct {
  int32_t key = 0;
  std::string value;
};
class SharedServiceIf {
public:
  virtual ~SharedServiceIf() = default;
  virtual void getStruct(SharedStruct& ret, const int32_t key) = 0;
};
} // namespace shared

namespace tutorial {
struct Operation {
  enum type { ADD = 1, SUBTRACT = 2, MULTIPLY = 3, DIVIDE = 4 };
};
struct Work {
  int32_t num1 = 0;
  int32_t num2 = 0;
  Operation::type op = Operation::ADD;
  std::string comment;
};
std::ostream& operator<<(std::ostream& out, const Work& obj);
class InvalidOperation : public ::apache::thrift::TException {
public:
  int32_t whatOp = 0;
  std::string why;
};
class CalculatorIf : virtual public ::shared::SharedServiceIf {
public:
  virtual void ping() = 0;
  virtual int32_t add(const int32_t num1, const int32_t num2) = 0;
  virtual int32_t calculate(const int32_t logid, const Work& w) = 0;
  virtual void zip() = 0;
};
class CalculatorIfFactory {
public:
  virtual ~CalculatorIfFactory() = default;
  virtual CalculatorIf* getHandler(const ::apache::thrift::TConnectionInfo& connInfo) = 0;
  virtual void releaseHandler(::shared::SharedServiceIf* handler) = 0;
};
class CalculatorProcessorFactory : public ::apache::thrift::TProcessorFactory {
public:
  explicit CalculatorProcessorFactory(const std::shared_ptr<CalculatorIfFactory>& handlerFactory);
  std::shared_ptr< ::apache::thrift::TProcessor> getProcessor(
      const ::apache::thrift::TConnectionInfo& connInfo) override;
};
} // namespace tutorial
