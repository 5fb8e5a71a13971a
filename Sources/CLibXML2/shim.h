/* Debian's libxml2 is built with ICU, so its encoding.h includes ICU's unicode/ucnv.h, whose
   UErrorCode clashes with the ICU that Foundation bundles (module _FoundationICU): any module
   importing both fails to build, depending on build order. Kenshu never uses libxml2's ICU
   converters, so the headers are read without them. The only difference is the tail of
   xmlCharEncodingHandler (two ICU converter pointers), a struct Kenshu never allocates or reads. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
