/// Placeholder, replaced shortly.
struct SwaggerConverter {}
