/* Hand-written stand-in for the mkclass-generated remote/zone-ti.hpp:
 * only the declarations that the labeled files need for a syntax check. */
#ifndef STUB_REMOTE_ZONE_TI_HPP
#define STUB_REMOTE_ZONE_TI_HPP

#include "base/configobject.hpp"
#include "base/configtype.hpp"

namespace icinga
{

class Zone;

template<>
class TypeImpl<Zone> : public Type, public ConfigType
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
class ObjectImpl<Zone> : public ConfigObject
{
public:
	String GetParentRaw() const;
	Array::Ptr GetEndpointsRaw() const;
	bool GetGlobal() const;
	virtual Array::Ptr GetAllParents() const;
	virtual void ValidateEndpointsRaw(const Lazy<Array::Ptr>& lvalue, const ValidationUtils& utils);
};

}

#endif
