// REQUIRES: ldap
// RUN: %check_leak_tidy -check-suffixes=OPTION %s leak-unreleased-handle %t-option -- \
// RUN:   -config="{CheckOptions: [{key: leak-unreleased-handle.HandlePairs, value: '::ldap_search_s=::ldap_msgfree;::ldap_search_ext_s=::ldap_msgfree;::ldap_result=::ldap_msgfree;::ldap_get_dn=::ldap_memfree;::ldap_first_attribute=::ldap_memfree;::ldap_next_attribute=::ldap_memfree;::ldap_get_values=::ldap_value_free'}]}" \
// RUN:   -- -DLDAP_DEPRECATED=1
// RUN: %check_leak_tidy -check-suffixes=DEFAULT %s leak-unreleased-handle %t-default -- -- -DLDAP_DEPRECATED=1

// OpenLDAP search results, DNs, attribute names and values, with the real
// ldap.h: a failed search still returns a result that must be freed (the
// search functions are given through the option: they are not defaults),
// and the DN and attribute strings are freed with ldap_memfree.

#include <ldap.h>

#include <cstdio>
#include <string>

// Reads the DN (declared here, defined elsewhere).
int lookUp(LDAP *Ld, char *Dn);
static void logAndFree(char *Dn) {
  std::printf("%s\n", Dn);
  ldap_memfree(Dn);
}

std::string findMail(LDAP *Ld, const char *Base, const char *Filter) {
  LDAPMessage *Res = nullptr;
  if (ldap_search_ext_s(Ld, Base, LDAP_SCOPE_SUBTREE, Filter, nullptr, 0,
                        nullptr, nullptr, nullptr, 1, &Res) != LDAP_SUCCESS)
    return "";
  // CHECK-MESSAGES-OPTION: :[[@LINE-3]]:7: warning: handle 'Res' acquired by 'ldap_search_ext_s' is not released on every path: it leaks each time such a path runs; call 'ldap_msgfree' on every path or own it with 'std::unique_ptr<LDAPMessage, decltype(&ldap_msgfree)>' [leak-unreleased-handle]
  std::string Mail;
  if (LDAPMessage *Entry = ldap_first_entry(Ld, Res)) {
    char *Dn = ldap_get_dn(Ld, Entry);
    // CHECK-MESSAGES-OPTION: :[[@LINE-1]]:16: warning: handle 'Dn' acquired by 'ldap_get_dn' is not released on every path
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:16: warning: handle 'Dn' acquired by 'ldap_get_dn' is not released on every path
    std::printf("%s\n", Dn);
    char **Values = ldap_get_values(Ld, Entry, "mail");
    if (Values && Values[0])
      Mail = Values[0];
    ldap_value_free(Values);
  }
  ldap_msgfree(Res);
  return Mail;
}

std::string findMailFreed(LDAP *Ld, const char *Base, const char *Filter) {
  LDAPMessage *Res = nullptr;
  const int Rc = ldap_search_s(Ld, Base, LDAP_SCOPE_SUBTREE, Filter, nullptr,
                               0, &Res);
  if (Rc != LDAP_SUCCESS) {
    ldap_msgfree(Res);
    return "";
  }
  std::string Mail;
  if (LDAPMessage *Entry = ldap_first_entry(Ld, Res)) {
    char *Dn = ldap_get_dn(Ld, Entry);
    std::printf("%s\n", Dn);
    ldap_memfree(Dn);
    // Read by a variadic function and left behind.
    std::printf("dn: %s\n", ldap_get_dn(Ld, Entry));
    // CHECK-MESSAGES-OPTION: :[[@LINE-1]]:29: warning: handle returned by 'ldap_get_dn' is passed straight to 'printf', which does not release it: it leaks each time this code runs; store it and call 'ldap_memfree' on it after the call [leak-unreleased-handle]
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:29: warning: handle returned by 'ldap_get_dn' is passed straight to 'printf'
    // Read by a function declared elsewhere that takes a string.
    lookUp(Ld, ldap_get_dn(Ld, Entry));
    // CHECK-MESSAGES-OPTION: :[[@LINE-1]]:16: warning: handle returned by 'ldap_get_dn' is passed straight to 'lookUp'
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:16: warning: handle returned by 'ldap_get_dn' is passed straight to 'lookUp'
    // A function of this file that frees it.
    logAndFree(ldap_get_dn(Ld, Entry));
    BerElement *Ber = nullptr;
    for (char *Attr = ldap_first_attribute(Ld, Entry, &Ber); Attr;
         Attr = ldap_next_attribute(Ld, Entry, Ber)) {
      std::printf("%s\n", Attr);
      ldap_memfree(Attr);
    }
    ber_free(Ber, 0);
  }
  ldap_msgfree(Res);
  return Mail;
}

int waitForResult(LDAP *Ld, int MsgId) {
  LDAPMessage *Res = nullptr;
  const int Type = ldap_result(Ld, MsgId, LDAP_MSG_ALL, nullptr, &Res);
  if (Type == LDAP_RES_SEARCH_RESULT)
    return 0;
  // CHECK-MESSAGES-OPTION: :[[@LINE-3]]:20: warning: handle 'Res' acquired by 'ldap_result' is not released on every path
  ldap_msgfree(Res);
  return Type;
}
