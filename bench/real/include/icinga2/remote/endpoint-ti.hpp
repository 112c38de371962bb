/* Hand-written stand-in for the mkclass-generated remote/endpoint-ti.hpp:
 * only the declarations that the labeled files need for a syntax check. */
#ifndef STUB_REMOTE_ENDPOINT_TI_HPP
#define STUB_REMOTE_ENDPOINT_TI_HPP

#include "base/configobject.hpp"
#include "base/configtype.hpp"
#include <cstdint>

namespace icinga
{

class Endpoint;

template<>
class TypeImpl<Endpoint> : public Type, public ConfigType
{
public:
	String GetName() const override;
	Type::Ptr GetBaseType() const override;
	int GetAttributes() const override;
	int GetFieldId(const String& name) const override;
	Field GetFieldInfo(int id) const override;
	int GetFieldCount() const override;

protected:
	ObjectFactory GetFactory() const override;
};

template<>
class ObjectImpl<Endpoint> : public ConfigObject
{
public:
	String GetHost() const;
	String GetPort() const;
	double GetLogDuration() const;
	double GetLocalLogPosition() const;
	double GetRemoteLogPosition() const;
	unsigned long GetIcingaVersion() const;
	uint_fast64_t GetCapabilities() const;
	bool GetConnecting() const;
	bool GetSyncing() const;
	virtual bool GetConnected() const;
	double GetLastMessageSent() const;
	double GetLastMessageReceived() const;
	virtual double GetMessagesSentPerSecond() const;
	virtual double GetMessagesReceivedPerSecond() const;
	virtual double GetBytesSentPerSecond() const;
	virtual double GetBytesReceivedPerSecond() const;
	void SetLocalLogPosition(double value, bool suppress_events = false, const Value& cookie = Empty);
	void SetRemoteLogPosition(double value, bool suppress_events = false, const Value& cookie = Empty);
	void SetIcingaVersion(unsigned long value, bool suppress_events = false, const Value& cookie = Empty);
	void SetCapabilities(uint_fast64_t value, bool suppress_events = false, const Value& cookie = Empty);
	void SetConnecting(bool value, bool suppress_events = false, const Value& cookie = Empty);
	void SetSyncing(bool value, bool suppress_events = false, const Value& cookie = Empty);
	void SetLastMessageSent(double value, bool suppress_events = false, const Value& cookie = Empty);
	void SetLastMessageReceived(double value, bool suppress_events = false, const Value& cookie = Empty);
};

}

#endif
