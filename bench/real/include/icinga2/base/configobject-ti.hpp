/* Hand-written stand-in for the mkclass-generated base/configobject-ti.hpp:
 * only the declarations that configobject.hpp and the labeled files need
 * for a syntax check. */
#ifndef STUB_BASE_CONFIGOBJECT_TI_HPP
#define STUB_BASE_CONFIGOBJECT_TI_HPP

#include "base/object.hpp"
#include "base/dictionary.hpp"
#include "base/array.hpp"

namespace icinga
{

enum HAMode
{
	HARunOnce,
	HARunEverywhere
};

class ConfigObject;

template<>
class ObjectImpl<ConfigObject> : public Object
{
public:
	virtual void Start(bool runtimeCreated);
	virtual void Stop(bool runtimeRemoved);
	virtual Dictionary::Ptr GetSourceLocation() const;

	String GetName() const;
	String GetShortName() const;
	String GetZoneName() const;
	bool GetActive() const;
	bool GetPaused() const;
	HAMode GetHAMode() const;

	virtual void ValidateName(const Lazy<String>& lvalue, const ValidationUtils& utils);

protected:
	bool GetPauseCalled() const;
};

}

#endif
