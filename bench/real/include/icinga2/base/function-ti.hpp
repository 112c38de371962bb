/* Hand-written stand-in for the mkclass-generated base/function-ti.hpp:
 * only the declarations that the labeled files need for a syntax check. */
#ifndef STUB_BASE_FUNCTION_TI_HPP
#define STUB_BASE_FUNCTION_TI_HPP

#include "base/configobject.hpp"

namespace icinga
{

class Function;

template<>
class ObjectImpl<Function> : public Object
{
public:
	String GetName() const;
	bool GetSideEffectFree() const;
	bool GetDeprecated() const;
	Array::Ptr GetArguments() const;
};

}

#endif
