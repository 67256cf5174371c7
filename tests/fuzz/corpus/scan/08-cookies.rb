class SessionsController < ApplicationController
  def create
    user = User.find_by(email: params[:email])
    # expect: cookie user.unique_id
    cookies.signed[:user_id] = user.user_id
    # expect: cookie
    cookies[:theme] = params[:theme]
  end
end
