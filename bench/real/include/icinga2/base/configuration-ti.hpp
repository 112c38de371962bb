/* Hand-written stand-in for the mkclass-generated base/configuration-ti.hpp:
 * only the declarations that the labeled files need for a syntax check. */
#ifndef STUB_BASE_CONFIGURATION_TI_HPP
#define STUB_BASE_CONFIGURATION_TI_HPP

#include "base/configobject.hpp"

namespace icinga
{

class Configuration;

template<>
class ObjectImpl<Configuration> : public Object
{
public:
	virtual String GetApiBindHost() const = 0;
	virtual void SetApiBindHost(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetApiBindPort() const = 0;
	virtual void SetApiBindPort(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual bool GetAttachDebugger() const = 0;
	virtual void SetAttachDebugger(bool value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetCacheDir() const = 0;
	virtual void SetCacheDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual int GetConcurrency() const = 0;
	virtual void SetConcurrency(int value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetConfigDir() const = 0;
	virtual void SetConfigDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetDataDir() const = 0;
	virtual void SetDataDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetEventEngine() const = 0;
	virtual void SetEventEngine(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetIncludeConfDir() const = 0;
	virtual void SetIncludeConfDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetInitRunDir() const = 0;
	virtual void SetInitRunDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetLogDir() const = 0;
	virtual void SetLogDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetModAttrPath() const = 0;
	virtual void SetModAttrPath(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetObjectsPath() const = 0;
	virtual void SetObjectsPath(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetPidPath() const = 0;
	virtual void SetPidPath(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetPkgDataDir() const = 0;
	virtual void SetPkgDataDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetPrefixDir() const = 0;
	virtual void SetPrefixDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetProgramData() const = 0;
	virtual void SetProgramData(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual int GetRLimitFiles() const = 0;
	virtual void SetRLimitFiles(int value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual int GetRLimitProcesses() const = 0;
	virtual void SetRLimitProcesses(int value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual int GetRLimitStack() const = 0;
	virtual void SetRLimitStack(int value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetRunAsGroup() const = 0;
	virtual void SetRunAsGroup(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetRunAsUser() const = 0;
	virtual void SetRunAsUser(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetSpoolDir() const = 0;
	virtual void SetSpoolDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetStatePath() const = 0;
	virtual void SetStatePath(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual double GetTlsHandshakeTimeout() const = 0;
	virtual void SetTlsHandshakeTimeout(double value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetVarsPath() const = 0;
	virtual void SetVarsPath(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetZonesDir() const = 0;
	virtual void SetZonesDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetLocalStateDir() const = 0;
	virtual void SetLocalStateDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetSysconfDir() const = 0;
	virtual void SetSysconfDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
	virtual String GetRunDir() const = 0;
	virtual void SetRunDir(const String& value, bool suppress_events = false, const Value& cookie = Empty) = 0;
};

}

#endif
