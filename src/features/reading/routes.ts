/** Pages of the reading subpackage (secretary pages and reading a past reading). */
export const READING_ROUTES = {
  manage: '/subpackages/reading/manage/index',
  edit: '/subpackages/reading/edit/index',
  participation: '/subpackages/reading/participation/index',
  view: '/subpackages/reading/view/index',
} as const;
