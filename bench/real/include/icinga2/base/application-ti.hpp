/* Hand-written stand-in for the mkclass-generated base/application-ti.hpp:
 * only the declarations that the labeled files need for a syntax check. */
#ifndef STUB_BASE_APPLICATION_TI_HPP
#define STUB_BASE_APPLICATION_TI_HPP

#include "base/configobject.hpp"

namespace icinga
{

class Application;

template<>
class ObjectImpl<Application> : public ConfigObject
{
};

}

#endif
